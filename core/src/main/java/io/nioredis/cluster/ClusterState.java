package io.nioredis.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This node's view of a static cluster (Redis's clusterState without the bus): the nodes, which master
 * serves each of the 16384 slots, the slots this node is migrating or importing, and the epochs. There is
 * no gossip: the view comes from the nodes file and changes only through CLUSTER ADDSLOTS, DELSLOTS and
 * SETSLOT sent to this node, as an operator or {@code redis-cli --cluster} tells every node in turn.
 */
public final class ClusterState {
    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    private final ClusterNode[] owners = new ClusterNode[HashSlot.COUNT];
    private final ClusterNode[] migratingTo = new ClusterNode[HashSlot.COUNT];
    private final ClusterNode[] importingFrom = new ClusterNode[HashSlot.COUNT];
    private ClusterNode myself;
    private boolean requireFullCoverage;
    private boolean ok;
    private int assigned;
    public long currentEpoch;
    public long lastVoteEpoch;

    ClusterState(boolean requireFullCoverage) {
        this.requireFullCoverage = requireFullCoverage;
    }

    /** A cluster of this node alone serving no slot, as Redis starts without a nodes file. */
    public static ClusterState alone(String id, String ip, int port, boolean requireFullCoverage) {
        ClusterState state = new ClusterState(requireFullCoverage);
        ClusterNode node = new ClusterNode(id, ip, port, port + 10000);
        node.myself = true;
        state.add(node);
        state.updateState();
        return state;
    }

    void add(ClusterNode node) {
        nodes.put(node.id, node);
        if (node.myself) {
            myself = node;
        }
    }

    public ClusterNode myself() {
        return myself;
    }

    public ClusterNode node(String id) {
        return nodes.get(id);
    }

    public Collection<ClusterNode> nodes() {
        return nodes.values();
    }

    /** The replicas the file lists for {@code master}, in file order. */
    public List<ClusterNode> replicasOf(ClusterNode master) {
        List<ClusterNode> replicas = new ArrayList<>();
        for (ClusterNode n : nodes.values()) {
            if (master.id.equals(n.masterId)) {
                replicas.add(n);
            }
        }
        return replicas;
    }

    /** The master a replica follows, or null for a master. */
    public ClusterNode masterOf(ClusterNode node) {
        return node.masterId == null ? null : nodes.get(node.masterId);
    }

    /** The master serving {@code slot}, or null when no node does. */
    public ClusterNode owner(int slot) {
        return owners[slot];
    }

    public ClusterNode migratingTo(int slot) {
        return migratingTo[slot];
    }

    public ClusterNode importingFrom(int slot) {
        return importingFrom[slot];
    }

    public void setMigrating(int slot, ClusterNode target) {
        migratingTo[slot] = target;
    }

    public void setImporting(int slot, ClusterNode source) {
        importingFrom[slot] = source;
    }

    /** Gives {@code slot} to {@code node} (null unassigns it), as Redis's clusterDelSlot + clusterAddSlot. */
    public void assign(int slot, ClusterNode node) {
        ClusterNode old = owners[slot];
        if (old != null) {
            old.slotCount--;
            assigned--;
        }
        owners[slot] = node;
        if (node != null) {
            node.slotCount++;
            assigned++;
        }
    }

    /** Slots some node serves (cluster_slots_assigned). */
    public int assignedSlots() {
        return assigned;
    }

    /**
     * Redis's clusterUpdateState for a cluster whose nodes are all reachable: ok unless some slot is
     * unserved while cluster-require-full-coverage is yes.
     */
    public void updateState() {
        ok = !requireFullCoverage || assigned == HashSlot.COUNT;
    }

    public void requireFullCoverage(boolean require) {
        requireFullCoverage = require;
        updateState();
    }

    /** cluster_state: whether keyed commands are served. */
    public boolean ok() {
        return ok;
    }

    /** Masters serving at least one slot (cluster_size). */
    public int size() {
        int n = 0;
        for (ClusterNode node : nodes.values()) {
            if (node.master && node.slotCount > 0) {
                n++;
            }
        }
        return n;
    }

    /** A node's epoch as CLUSTER NODES prints it: a replica shows its master's (Redis's nodeEpoch). */
    public long epochOf(ClusterNode node) {
        ClusterNode master = masterOf(node);
        return master != null ? master.configEpoch : node.configEpoch;
    }

    /**
     * Redis's clusterBumpConfigEpochWithoutConsensus, after a slot was imported: this node takes a new,
     * highest config epoch unless it already has the highest one.
     */
    public void bumpEpochWithoutConsensus() {
        long max = currentEpoch;
        for (ClusterNode node : nodes.values()) {
            max = Math.max(max, node.configEpoch);
        }
        if (myself.configEpoch == 0 || myself.configEpoch != max) {
            currentEpoch++;
            myself.configEpoch = currentEpoch;
        }
    }
}
