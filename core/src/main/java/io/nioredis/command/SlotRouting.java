package io.nioredis.command;

import io.nioredis.client.Client;
import io.nioredis.cluster.ClusterNode;
import io.nioredis.cluster.ClusterState;
import io.nioredis.cluster.HashSlot;
import io.nioredis.resp.Request;
import io.nioredis.store.Keyspace;
import io.nioredis.tx.Transaction;
import java.util.Arrays;
import java.util.List;

/**
 * Cluster mode's gate, as Redis's getNodeByQuery and clusterRedirectClient: the keys a command names (by
 * its key specs; EXEC by every queued command's) must all hash to one slot, served here - or, with the
 * right flags, being imported here or readable on this replica - else the client is told where to go
 * (-MOVED, -ASK) or why not (-CROSSSLOT, -TRYAGAIN, -CLUSTERDOWN). Only a cluster node calls it: the
 * dispatcher for every command, and scripts for each redis.call.
 */
public final class SlotRouting {
    private SlotRouting() {}

    /** The redirection or error for this command, or null when it runs here. */
    public static String redirect(CommandTable table, Client client, CommandSpec spec, Request request) {
        boolean exec = spec.has(CommandFlags.RUNS_QUEUED);
        Transaction tx = client.transaction();
        if (exec && tx == null) {
            return null; // EXEC without MULTI: its own error follows
        }
        if (!exec && servedHere(client.server().cluster, keyed(spec, request), request)) {
            return null;
        }
        Check check = new Check(client.server().cluster, client.server().databases.get(0));
        if (exec) {
            for (int i = 0; i < tx.size(); i++) {
                Request queued = tx.request(i);
                CommandSpec queuedSpec = table.lookup(queued);
                if (queuedSpec != null && check.keysOf(keyed(queuedSpec, queued), queued)) {
                    return check.error;
                }
            }
        } else if (check.keysOf(keyed(spec, request), request)) {
            return check.error;
        }
        ClusterState cluster = check.cluster;
        int slot = check.slot;
        ClusterNode owner = check.owner;
        if (owner == null) {
            return null; // no key at all: served here whatever the state
        }
        boolean writes = spec.has(CommandFlags.WRITE) || (exec && tx.writes());
        boolean shardChannels = shardChannels(spec);
        // Shard channels stay served while the cluster is down (cluster-allow-pubsubshard-when-down yes).
        if (!cluster.ok() && !shardChannels) {
            if (!client.server().config.getBoolean("cluster-allow-reads-when-down")) {
                return Errors.CLUSTER_DOWN;
            }
            if (writes) {
                return Errors.CLUSTER_DOWN_READ_ONLY;
            }
        }
        if ((check.migrating || check.importing) && spec.name.equals("migrate")) {
            return null; // MIGRATE moves keys of an open slot freely
        }
        if (check.migrating && check.missing > 0) {
            return Errors.ask(slot, cluster.migratingTo(slot));
        }
        if (check.importing && (client.asking() || spec.has(CommandFlags.ASKING))) {
            return check.multiple && check.missing > 0 ? Errors.TRYAGAIN : null;
        }
        ClusterNode myself = cluster.myself();
        if ((client.readonlyCluster() || shardChannels) && !writes && !myself.master
                && owner.id.equals(myself.masterId)) {
            return null;
        }
        return owner == myself ? null : Errors.moved(slot, owner);
    }

    /**
     * Redis's clusterRedirectBlockedClientIfNeeded, after this node's view changed: a client blocked on keys
     * is answered -CLUSTERDOWN when the cluster went down, -MOVED (or "Hash slot not served") when its slot
     * is no longer served here nor being imported, since no write could ever serve it here.
     */
    public static void redirectBlocked(io.nioredis.ServerState server) {
        ClusterState cluster = server.cluster;
        for (io.nioredis.blocking.Waiter w : server.blocking.keyWaiters()) {
            if (!(w instanceof BlockedCall call)) {
                continue;
            }
            if (!cluster.ok()) {
                call.unblockWithError(Errors.CLUSTER_DOWN);
                continue;
            }
            byte[] key = w.firstKey();
            int slot = HashSlot.of(key, 0, key.length);
            ClusterNode owner = cluster.owner(slot);
            ClusterNode myself = cluster.myself();
            Client client = call.client();
            if (owner != null && client.readonlyCluster() && !myself.master && owner.id.equals(myself.masterId)
                    && !call.writes()) {
                owner = myself;
            }
            if (owner != myself && cluster.importingFrom(slot) == null) {
                call.unblockWithError(owner == null ? Errors.CLUSTER_SLOT_NOT_SERVED : Errors.moved(slot, owner));
            }
        }
    }

    /**
     * The common case without allocating: a command whose one key spec is a plain range (GET, SET, MGET,
     * DEL...) naming keys of one stable slot that this node serves while the cluster is up. False means
     * "look closer", not "refuse".
     */
    private static boolean servedHere(ClusterState cluster, CommandSpec spec, Request request) {
        if (spec.keySpecs.size() != 1 || !cluster.ok()) {
            return false;
        }
        KeySpec k = spec.keySpecs.get(0);
        if (k.isUnknown() || k.isNotKey() || k.isKeyword() || k.isKeynum()) {
            return false;
        }
        int argc = request.argc();
        int first = k.beginIndex();
        if (first >= argc) {
            return false;
        }
        int last;
        if (k.lastKey() >= 0) {
            last = first + k.lastKey();
        } else if (k.limit() == 0) {
            last = argc + k.lastKey();
        } else {
            last = first + (argc - first) / k.limit() + k.lastKey();
        }
        int slot = -1;
        byte[] b = request.array();
        for (int i = first; i <= last && i < argc; i += k.step()) {
            int s = HashSlot.of(b, request.offset(i), request.length(i));
            if (slot < 0) {
                slot = s;
            } else if (s != slot) {
                return false;
            }
        }
        return slot >= 0 && cluster.owner(slot) == cluster.myself() && cluster.migratingTo(slot) == null
                && cluster.importingFrom(slot) == null;
    }

    /** SSUBSCRIBE, SUNSUBSCRIBE and SPUBLISH, whose shard channels are routed as keys (Redis's is_pubsubshard). */
    private static boolean shardChannels(CommandSpec spec) {
        return spec.has(CommandFlags.PUBSUB)
                && (spec.name.equals("spublish") || spec.name.equals("ssubscribe") || spec.name.equals("sunsubscribe"));
    }

    /** The spec whose key specs apply: a container's subcommand (OBJECT ENCODING key), else the command. */
    private static CommandSpec keyed(CommandSpec spec, Request request) {
        if (!spec.subcommands.isEmpty() && request.argc() >= 2) {
            CommandSpec sub = spec.subcommand(request.array(), request.offset(1), request.length(1));
            return sub != null ? sub : spec;
        }
        return spec;
    }

    /** The walk over the keys of one or more commands, with what it learnt. */
    private static final class Check {
        final ClusterState cluster;
        final Keyspace db;
        byte[] firstKey;
        int slot;
        ClusterNode owner;
        boolean migrating;
        boolean importing;
        boolean multiple;
        int missing;
        String error;

        Check(ClusterState cluster, Keyspace db) {
            this.cluster = cluster;
            this.db = db;
        }

        /** Visits the command's keys; true when it found an error (in {@link #error}). */
        boolean keysOf(CommandSpec spec, Request request) {
            if (spec.keySpecs.isEmpty()) {
                return false;
            }
            boolean shardChannels = shardChannels(spec);
            List<int[]> keys = KeyFinder.find(spec, request, 0, shardChannels);
            if (keys == null) {
                return false; // invalid key arguments: no keys, the command's own error follows
            }
            if (spec.name.equals("migrate")) {
                keys = migrateKeys(keys);
            }
            byte[] b = request.array();
            for (int[] key : keys) {
                int off = request.offset(key[0]);
                int len = request.length(key[0]);
                int thisSlot = HashSlot.of(b, off, len);
                if (firstKey == null) {
                    firstKey = Arrays.copyOfRange(b, off, off + len);
                    slot = thisSlot;
                    owner = cluster.owner(slot);
                    if (owner == null) {
                        error = Errors.CLUSTER_SLOT_NOT_SERVED;
                        return true;
                    }
                    if (owner == cluster.myself() && cluster.migratingTo(slot) != null) {
                        migrating = true;
                    } else if (cluster.importingFrom(slot) != null) {
                        importing = true;
                    }
                } else if (!Arrays.equals(firstKey, 0, firstKey.length, b, off, off + len)) {
                    if (thisSlot != slot) {
                        error = Errors.CROSSSLOT;
                        return true;
                    }
                    multiple = true;
                }
                // A shard channel is served by the source until the slot is handed over, present or not.
                if ((migrating || importing) && !shardChannels && absent(b, off, len)) {
                    missing++;
                }
            }
            return false;
        }

        /**
         * As Redis's migrateGetKeys: with the KEYS option the keys are those after it, not the empty key
         * argument (which would hash to slot 0).
         */
        private static List<int[]> migrateKeys(List<int[]> keys) {
            boolean keysOption = false;
            for (int[] key : keys) {
                keysOption |= key[1] == 1;
            }
            if (!keysOption) {
                return keys;
            }
            List<int[]> after = new java.util.ArrayList<>(keys.size());
            for (int[] key : keys) {
                if (key[1] == 1) {
                    after.add(key);
                }
            }
            return after;
        }

        /** Whether the key is missing or expired, looked at without touching it or counting a miss. */
        private boolean absent(byte[] b, int off, int len) {
            int s = db.peek(b, off, len);
            if (s < 0) {
                return true;
            }
            long deadline = db.deadline(s);
            return deadline >= 0 && deadline <= db.now();
        }
    }
}
