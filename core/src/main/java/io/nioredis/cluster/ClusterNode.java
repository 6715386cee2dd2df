package io.nioredis.cluster;

/**
 * One node of the static cluster as this node sees it: its id, address, role and epoch, read from the
 * nodes file. The slots it serves are kept by {@link ClusterState}, which also counts them here.
 */
public final class ClusterNode {
    public final String id;
    public String ip;
    public int port;
    public int busPort;
    /** The optional hostname after the address (",hostname" in the nodes file), or "". */
    public String hostname;
    /** Redis's flag words other than myself/master/slave (nofailover, fail...), kept for CLUSTER NODES. */
    public String extraFlags;
    public boolean master;
    /** The id of the master of a replica, or null. */
    public String masterId;
    public long pingSent;
    public long pongReceived;
    public long configEpoch;
    public boolean connected;
    /** This node itself (the line flagged myself). */
    public boolean myself;
    int slotCount;

    public ClusterNode(String id, String ip, int port, int busPort) {
        this.id = id;
        this.ip = ip;
        this.port = port;
        this.busPort = busPort;
        this.hostname = "";
        this.extraFlags = "";
        this.master = true;
        this.connected = true;
    }

    /** How many slots this node serves. */
    public int slotCount() {
        return slotCount;
    }
}
