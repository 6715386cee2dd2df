package io.nioredis.command.cluster;

import io.nioredis.client.Client;
import io.nioredis.cluster.ClusterNode;
import io.nioredis.cluster.ClusterState;
import io.nioredis.cluster.HashSlot;
import io.nioredis.cluster.NodesFile;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.resp.Verbatim;
import java.util.ArrayList;
import java.util.List;

/**
 * CLUSTER SLOTS, SHARDS, NODES, INFO and COUNT-FAILURE-REPORTS in Redis 7.0's reply shapes. A static
 * cluster has no bus: every node counts as reachable, no message was sent or received and no failure
 * was reported.
 */
final class ClusterTopologyReplies {
    private ClusterTopologyReplies() {}

    /** Each contiguous range of a master's slots: start, end, the master, then its replicas. */
    static void slots(Client client, Request request, RespWriter out) {
        ClusterState cluster = client.server().cluster;
        List<int[]> ranges = ranges(cluster);
        out.arrayHeader(ranges.size());
        for (int[] range : ranges) {
            ClusterNode master = cluster.owner(range[0]);
            List<ClusterNode> replicas = cluster.replicasOf(master);
            out.arrayHeader(3 + replicas.size());
            out.integer(range[0]);
            out.integer(range[1]);
            nodeEntry(master, out);
            for (ClusterNode replica : replicas) {
                nodeEntry(replica, out);
            }
        }
    }

    /** Redis's addNodeToNodeReply with the ip as preferred endpoint: ip, port, id and a map of the rest. */
    private static void nodeEntry(ClusterNode node, RespWriter out) {
        out.arrayHeader(4);
        out.bulk(node.ip);
        out.integer(node.port);
        out.bulk(node.id);
        if (node.hostname.isEmpty()) {
            out.mapHeader(0);
        } else {
            out.mapHeader(1);
            out.bulk("hostname");
            out.bulk(node.hostname);
        }
    }

    /** Contiguous runs of slots served by one node, in slot order: {start, end} pairs. */
    private static List<int[]> ranges(ClusterState cluster) {
        List<int[]> ranges = new ArrayList<>();
        int s = 0;
        while (s < HashSlot.COUNT) {
            ClusterNode owner = cluster.owner(s);
            if (owner == null) {
                s++;
                continue;
            }
            int start = s;
            while (s + 1 < HashSlot.COUNT && cluster.owner(s + 1) == owner) {
                s++;
            }
            ranges.add(new int[] {start, s});
            s++;
        }
        return ranges;
    }

    /** One entry per master: its slot ranges as a flat list of bounds, and its nodes, master first. */
    static void shards(Client client, Request request, RespWriter out) {
        ClusterState cluster = client.server().cluster;
        List<ClusterNode> masters = new ArrayList<>();
        for (ClusterNode node : cluster.nodes()) {
            if (node.master) {
                masters.add(node);
            }
        }
        List<int[]> ranges = ranges(cluster);
        out.arrayHeader(masters.size());
        for (ClusterNode master : masters) {
            out.mapHeader(2);
            out.bulk("slots");
            List<int[]> own = new ArrayList<>();
            for (int[] range : ranges) {
                if (cluster.owner(range[0]) == master) {
                    own.add(range);
                }
            }
            out.arrayHeader(own.size() * 2L);
            for (int[] range : own) {
                out.integer(range[0]);
                out.integer(range[1]);
            }
            out.bulk("nodes");
            List<ClusterNode> replicas = cluster.replicasOf(master);
            out.arrayHeader(1 + replicas.size());
            shardNode(client, master, out);
            for (ClusterNode replica : replicas) {
                shardNode(client, replica, out);
            }
        }
    }

    private static void shardNode(Client client, ClusterNode node, RespWriter out) {
        out.mapHeader(node.hostname.isEmpty() ? 7 : 8);
        out.bulk("id");
        out.bulk(node.id);
        out.bulk("port");
        out.integer(node.port);
        out.bulk("ip");
        out.bulk(node.ip);
        out.bulk("endpoint");
        out.bulk(node.ip);
        if (!node.hostname.isEmpty()) {
            out.bulk("hostname");
            out.bulk(node.hostname);
        }
        out.bulk("role");
        out.bulk(node.master ? "master" : "replica");
        out.bulk("replication-offset");
        // Only this node's own offset is known: without a bus no peer tells its offset.
        out.integer(node.myself ? client.server().replication.offset() : 0);
        out.bulk("health");
        out.bulk(node.extraFlags.contains("fail,") ? "fail" : "online");
    }

    static void nodes(Client client, Request request, RespWriter out) {
        Verbatim.text(out, NodesFile.describe(client.server().cluster));
    }

    static void info(Client client, Request request, RespWriter out) {
        ClusterState cluster = client.server().cluster;
        int assigned = cluster.assignedSlots();
        String text = "cluster_state:" + (cluster.ok() ? "ok" : "fail") + "\r\n"
                + "cluster_slots_assigned:" + assigned + "\r\n"
                + "cluster_slots_ok:" + assigned + "\r\n"
                + "cluster_slots_pfail:0\r\n"
                + "cluster_slots_fail:0\r\n"
                + "cluster_known_nodes:" + cluster.nodes().size() + "\r\n"
                + "cluster_size:" + cluster.size() + "\r\n"
                + "cluster_current_epoch:" + cluster.currentEpoch + "\r\n"
                + "cluster_my_epoch:" + cluster.epochOf(cluster.myself()) + "\r\n"
                + "cluster_stats_messages_sent:0\r\n"
                + "cluster_stats_messages_received:0\r\n"
                + "total_cluster_links_buffer_limit_exceeded:0\r\n";
        Verbatim.text(out, text);
    }

    static void countFailureReports(Client client, Request request, RespWriter out) {
        String id = request.string(2);
        if (client.server().cluster.node(id) == null) {
            out.raw(Errors.unknownNode(id));
            return;
        }
        out.integer(0);
    }
}
