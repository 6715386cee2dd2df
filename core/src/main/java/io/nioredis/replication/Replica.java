package io.nioredis.replication;

/**
 * One replica as its master knows it (Redis's slave client fields): what REPLCONF told (listening port,
 * announced address, capabilities), where it is in the sync, and the offset it last acknowledged.
 */
public final class Replica {
    /** INFO's state names, in Redis's order. */
    public enum State { WAIT_BGSAVE, SEND_BULK, ONLINE }

    final ReplicaChannel channel;
    int listeningPort;
    String announcedIp;
    boolean capaEof;
    boolean capaPsync2;
    boolean rdbOnly;
    /** Attached: it has sent SYNC or PSYNC and is among the master's replicas (CLIENT LIST flag S). */
    boolean attached;
    State state = State.WAIT_BGSAVE;
    long ackOffset;
    long ackMillis;
    /**
     * A replica sent the snapshot in the {@code $EOF:} form reads until it finds the end mark, so the stream
     * may not follow the snapshot at once: it is held here until the replica's first REPLCONF ACK, as Redis
     * 7.0's repl_start_cmd_stream_on_ack.
     */
    java.io.ByteArrayOutputStream heldUntilAck;

    public Replica(ReplicaChannel channel) {
        this.channel = channel;
    }

    public void listeningPort(int port) {
        this.listeningPort = port;
    }

    public void announcedIp(String ip) {
        this.announcedIp = ip;
    }

    /** REPLCONF capa: the capabilities Redis 7.0 knows; others are ignored, as Redis does. */
    public void capability(String capa) {
        if (capa.equalsIgnoreCase("eof")) {
            capaEof = true;
        } else if (capa.equalsIgnoreCase("psync2")) {
            capaPsync2 = true;
        }
    }

    /** REPLCONF rdb-only 1: the replica wants the snapshot alone (redis-cli --rdb), no stream after it. */
    public void rdbOnly(boolean rdbOnly) {
        this.rdbOnly = rdbOnly;
    }

    public boolean rdbOnly() {
        return rdbOnly;
    }

    public boolean attached() {
        return attached;
    }

    public boolean capaEof() {
        return capaEof;
    }

    public boolean capaPsync2() {
        return capaPsync2;
    }

    public State state() {
        return state;
    }

    public long ackOffset() {
        return ackOffset;
    }

    public long ackMillis() {
        return ackMillis;
    }

    public int listeningPort() {
        return listeningPort;
    }

    /** The address INFO and ROLE show: the announced one, else the connection's. */
    public String ip() {
        return announcedIp != null ? announcedIp : channel.ip();
    }
}
