package io.nioredis.command.cluster;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.cluster.HashSlot;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import io.nioredis.command.Help;

/**
 * The CLUSTER container, as Redis 7.0's clusterCommand for a static cluster: the replies that describe the
 * topology ({@link ClusterTopologyReplies}), the slot and key questions ({@link ClusterKeys}) and the slot
 * assignments an operator or redis-cli makes ({@link ClusterSlotChanges}). Every subcommand answers "cluster
 * support disabled" outside cluster mode, as Redis.
 */
final class ClusterCommand {
    private static final CommandFactory IMPLEMENTATIONS = ClusterCommand::implementation;

    private ClusterCommand() {}

    static CommandSpec create() {
        return Group.CLUSTER.command("cluster", -2, 0)
                .since("3.0.0")
                .complexity("Depends on subcommand.")
                .summary("A container for cluster commands")
                .subcommand(Group.CLUSTER.command("slots", 2, STALE)
                        .since("3.0.0")
                        .complexity("O(N) where N is the total number of Cluster nodes")
                        .summary("Get array of Cluster slot to node mappings")
                        .deprecated("7.0.0", "`CLUSTER SHARDS`")
                        .history("4.0.0", "Added node IDs.", "7.0.0", "Added additional networking metadata field.")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("shards", 2, STALE)
                        .since("7.0.0")
                        .complexity("O(N) where N is the total number of cluster nodes")
                        .summary("Get array of cluster slots to node mappings")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("nodes", 2, STALE)
                        .since("3.0.0")
                        .complexity("O(N) where N is the total number of Cluster nodes")
                        .summary("Get Cluster config for the node")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("info", 2, STALE)
                        .since("3.0.0")
                        .complexity("O(1)")
                        .summary("Provides info about Redis Cluster node state")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("myid", 2, STALE)
                        .since("3.0.0")
                        .complexity("O(1)")
                        .summary("Return the node id")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("count-failure-reports", 3, ADMIN | STALE)
                        .since("3.0.0")
                        .complexity("O(N) where N is the number of failure reports")
                        .summary("Return the number of failure reports active for a given node")
                        .args("node-id")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("keyslot", 3, STALE)
                        .since("3.0.0")
                        .complexity("O(N) where N is the number of bytes in the key")
                        .summary("Returns the hash slot of the specified key")
                        .args("key#string")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("countkeysinslot", 3, STALE)
                        .since("3.0.0")
                        .complexity("O(1)")
                        .summary("Return the number of local keys in the specified hash slot")
                        .args("slot#integer")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("getkeysinslot", 4, STALE)
                        .since("3.0.0")
                        .complexity("O(log(N)) where N is the number of requested keys")
                        .summary("Return local key names in the specified hash slot")
                        .args("slot#integer count")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("addslots", -3, ADMIN | STALE | NO_ASYNC_LOADING)
                        .since("3.0.0")
                        .complexity("O(N) where N is the total number of hash slot arguments")
                        .summary("Assign new hash slots to receiving node")
                        .args("slot#integer...")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("addslotsrange", -4, ADMIN | STALE | NO_ASYNC_LOADING)
                        .since("7.0.0")
                        .complexity("O(N) where N is the total number of the slots between the start slot and end slot arguments.")
                        .summary("Assign new hash slots to receiving node")
                        .args("start-slot_end-slot=(start-slot#integer end-slot#integer)...")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("delslots", -3, ADMIN | STALE | NO_ASYNC_LOADING)
                        .since("3.0.0")
                        .complexity("O(N) where N is the total number of hash slot arguments")
                        .summary("Set hash slots as unbound in receiving node")
                        .args("slot#integer...")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("delslotsrange", -4, ADMIN | STALE | NO_ASYNC_LOADING)
                        .since("7.0.0")
                        .complexity("O(N) where N is the total number of the slots between the start slot and end slot arguments.")
                        .summary("Set hash slots as unbound in receiving node")
                        .args("start-slot_end-slot=(start-slot#integer end-slot#integer)...")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("setslot", -4, ADMIN | STALE | NO_ASYNC_LOADING)
                        .since("3.0.0")
                        .complexity("O(1)")
                        .summary("Bind a hash slot to a specific node")
                        .args("slot#integer subcommand=(IMPORTING:node-id|MIGRATING:node-id|NODE:node-id|STABLE)")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CLUSTER.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Show helpful text about the different subcommands")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "cluster|slots" -> ClusterCommands.clusterOnly(ClusterTopologyReplies::slots);
            case "cluster|shards" -> ClusterCommands.clusterOnly(ClusterTopologyReplies::shards);
            case "cluster|nodes" -> ClusterCommands.clusterOnly(ClusterTopologyReplies::nodes);
            case "cluster|info" -> ClusterCommands.clusterOnly(ClusterTopologyReplies::info);
            case "cluster|myid" -> ClusterCommands.clusterOnly((c, r, out) -> out.bulk(c.server().cluster.myself().id));
            case "cluster|count-failure-reports" -> ClusterCommands.clusterOnly(ClusterTopologyReplies::countFailureReports);
            case "cluster|keyslot" -> ClusterCommands.clusterOnly((c, r, out) ->
                    out.integer(HashSlot.of(r.array(), r.offset(2), r.length(2))));
            case "cluster|countkeysinslot" -> ClusterCommands.clusterOnly(ClusterKeys::countKeysInSlot);
            case "cluster|getkeysinslot" -> ClusterCommands.clusterOnly(ClusterKeys::getKeysInSlot);
            case "cluster|addslots" -> ClusterCommands.clusterOnly((c, r, out) -> ClusterSlotChanges.addOrDelete(c, r, out, false, false));
            case "cluster|addslotsrange" -> ClusterCommands.clusterOnly((c, r, out) -> ClusterSlotChanges.addOrDelete(c, r, out, false, true));
            case "cluster|delslots" -> ClusterCommands.clusterOnly((c, r, out) -> ClusterSlotChanges.addOrDelete(c, r, out, true, false));
            case "cluster|delslotsrange" -> ClusterCommands.clusterOnly((c, r, out) -> ClusterSlotChanges.addOrDelete(c, r, out, true, true));
            case "cluster|setslot" -> ClusterCommands.clusterOnly(ClusterSlotChanges::setSlot);
            case "cluster|help" -> ClusterCommands.clusterOnly((c, r, out) -> Help.reply(out, "CLUSTER",
                    "ADDSLOTS <slot> [<slot> ...]",
                    "    Assign slots to current node.",
                    "ADDSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]",
                    "    Assign slots which are between <start-slot> and <end-slot> to current node.",
                    "COUNT-FAILURE-REPORTS <node-id>",
                    "    Return number of failure reports for <node-id>.",
                    "COUNTKEYSINSLOT <slot>",
                    "    Return the number of keys in <slot>.",
                    "DELSLOTS <slot> [<slot> ...]",
                    "    Delete slots information from current node.",
                    "DELSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]",
                    "    Delete slots information which are between <start-slot> and <end-slot> from current node.",
                    "GETKEYSINSLOT <slot> <count>",
                    "    Return key names stored by current node in a slot.",
                    "INFO",
                    "    Return information about the cluster.",
                    "KEYSLOT <key>",
                    "    Return the hash slot for <key>.",
                    "MYID",
                    "    Return the node id.",
                    "NODES",
                    "    Return cluster configuration seen by node. Output format:",
                    "    <id> <ip:port> <flags> <master> <pings> <pongs> <epoch> <link> <slot> ...",
                    "SETSLOT <slot> (IMPORTING <node-id>|MIGRATING <node-id>|STABLE|NODE <node-id>)",
                    "    Set slot state.",
                    "SLOTS",
                    "    Return information about slots range mappings. Each range is made of:",
                    "    start, end, master and replicas IP addresses, ports and ids",
                    "SHARDS",
                    "    Return information about slot range mappings and the nodes associated with them."));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
