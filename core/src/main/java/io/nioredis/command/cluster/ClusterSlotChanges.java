package io.nioredis.command.cluster;

import io.nioredis.client.Client;
import io.nioredis.cluster.ClusterNode;
import io.nioredis.cluster.ClusterState;
import io.nioredis.cluster.HashSlot;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.command.SlotRouting;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * The CLUSTER subcommands that change this node's view of who serves which slot: ADDSLOTS, DELSLOTS (and
 * their RANGE forms) and SETSLOT, with Redis 7.0's checks and errors. Each change is saved to the nodes
 * file. In a static cluster nothing spreads the change: the operator (or redis-cli) tells every node.
 */
final class ClusterSlotChanges {
    private static final byte[] MIGRATING = "migrating".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] IMPORTING = "importing".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] STABLE = "stable".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NODE = "node".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ClusterSlotChanges() {}

    /**
     * ADDSLOTS/DELSLOTS slot..., or with {@code ranges} ADDSLOTSRANGE/DELSLOTSRANGE start end...: every
     * argument is checked before any slot changes, as Redis.
     */
    static void addOrDelete(Client client, Request request, RespWriter out, boolean delete, boolean ranges) {
        ClusterState cluster = client.server().cluster;
        if (ranges && request.argc() % 2 == 1) {
            out.error(Errors.wrongArity(delete ? "cluster|delslotsrange" : "cluster|addslotsrange"));
            return;
        }
        for (int i = 2; i < request.argc(); i++) {
            if (slotOrReply(request, i, out) < 0) {
                return;
            }
        }
        boolean[] named = new boolean[HashSlot.COUNT];
        for (int i = 2; i < request.argc(); i += ranges ? 2 : 1) {
            int start = slotOrReply(request, i, out);
            int end = ranges ? slotOrReply(request, i + 1, out) : start;
            if (start > end) {
                out.raw(Errors.slotRangeReversed(start, end));
                return;
            }
            for (int slot = start; slot <= end; slot++) {
                if (delete && cluster.owner(slot) == null) {
                    out.raw(Errors.slotUnassigned(slot));
                    return;
                }
                if (!delete && cluster.owner(slot) != null) {
                    out.raw(Errors.slotBusy(slot));
                    return;
                }
                if (named[slot]) {
                    out.raw(Errors.slotRepeated(slot));
                    return;
                }
                named[slot] = true;
            }
        }
        for (int slot = 0; slot < HashSlot.COUNT; slot++) {
            if (named[slot]) {
                cluster.setImporting(slot, null); // the real owner now: no longer importing it
                cluster.assign(slot, delete ? null : cluster.myself());
            }
        }
        changed(client);
        out.raw(Replies.OK);
    }

    /** SETSLOT slot MIGRATING|IMPORTING|NODE node-id, or SETSLOT slot STABLE. */
    static void setSlot(Client client, Request request, RespWriter out) {
        ClusterState cluster = client.server().cluster;
        ClusterNode myself = cluster.myself();
        if (!myself.master) {
            out.raw(Errors.SETSLOT_ON_REPLICA);
            return;
        }
        int slot = slotOrReply(request, 2, out);
        if (slot < 0) {
            return;
        }
        int argc = request.argc();
        if (request.is(3, MIGRATING) && argc == 5) {
            if (cluster.owner(slot) != myself) {
                out.raw(Errors.notSlotOwner(slot));
                return;
            }
            ClusterNode target = masterOrReply(cluster, request.string(4), out, true);
            if (target == null) {
                return;
            }
            cluster.setMigrating(slot, target);
        } else if (request.is(3, IMPORTING) && argc == 5) {
            if (cluster.owner(slot) == myself) {
                out.raw(Errors.alreadySlotOwner(slot));
                return;
            }
            ClusterNode source = masterOrReply(cluster, request.string(4), out, true);
            if (source == null) {
                return;
            }
            cluster.setImporting(slot, source);
        } else if (request.is(3, STABLE) && argc == 4) {
            cluster.setImporting(slot, null);
            cluster.setMigrating(slot, null);
        } else if (request.is(3, NODE) && argc == 5) {
            ClusterNode node = masterOrReply(cluster, request.string(4), out, false);
            if (node == null) {
                return;
            }
            int keys = client.server().databases.get(0).slotKeys().count(slot);
            if (cluster.owner(slot) == myself && node != myself && keys != 0) {
                out.raw(Errors.slotStillHasKeys(slot));
                return;
            }
            if (keys == 0 && cluster.migratingTo(slot) != null) {
                cluster.setMigrating(slot, null);
            }
            cluster.assign(slot, node);
            if (node == myself && cluster.importingFrom(slot) != null) {
                // The slot was migrated by hand: this node takes a new epoch, as Redis does then.
                cluster.bumpEpochWithoutConsensus();
                cluster.setImporting(slot, null);
            }
        } else {
            out.raw(Errors.SETSLOT_SYNTAX);
            return;
        }
        changed(client);
        out.raw(Replies.OK);
    }

    /** A known master by id, or null after replying with Redis's error for an unknown node or a replica. */
    private static ClusterNode masterOrReply(ClusterState cluster, String id, RespWriter out, boolean open) {
        ClusterNode node = cluster.node(id);
        if (node == null) {
            out.raw(open ? Errors.unknownNodeForSlot(id) : Errors.unknownNode(id));
            return null;
        }
        if (!node.master) {
            out.raw(Errors.TARGET_NOT_MASTER);
            return null;
        }
        return node;
    }

    /** Redis's getSlotOrReply: the slot number, or -1 after replying with its error. */
    private static int slotOrReply(Request request, int i, RespWriter out) {
        if (!request.isLong(i) || request.longValue(i) < 0 || request.longValue(i) >= HashSlot.COUNT) {
            out.raw(Errors.INVALID_OR_OUT_OF_RANGE_SLOT);
            return -1;
        }
        return (int) request.longValue(i);
    }

    private static void changed(Client client) {
        client.server().cluster.updateState();
        client.server().saveCluster();
        SlotRouting.redirectBlocked(client.server());
    }
}
