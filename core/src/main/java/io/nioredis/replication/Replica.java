package io.nioredis.replication;

/**
 * One replica as its master knows it (Redis's slave client fields): what REPLCONF told (listening port,
 * announced address, capabilities), where it is in the sync, and the offset it last acknowledged.
 */
public final class Replica {
    /**
     * INFO's state names, in Redis's order. WAIT_BGSAVE covers Redis's WAIT_BGSAVE_START (no snapshot taken
     * for it yet: {@link #initialOffset} is -1) and WAIT_BGSAVE_END (its snapshot is being made or streamed).
     */
    public enum State { WAIT_BGSAVE, SEND_BULK, ONLINE }

    /** REPLCONF capa bits, as Redis's SLAVE_CAPA_EOF and SLAVE_CAPA_PSYNC2 (a replica joins a save by them). */
    static final int CAPA_EOF = 1;
    static final int CAPA_PSYNC2 = 2;

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
     * The write stream since the replica's snapshot was cut, held while the snapshot is on its way (Redis
     * buffers it in the replica's output without sending it). A replica sent the snapshot in the {@code $EOF:}
     * form reads until it finds the end mark, so the stream is held on until its first REPLCONF ACK, as Redis
     * 7.0's repl_start_cmd_stream_on_ack.
     */
    java.io.ByteArrayOutputStream heldStream;
    /** psync_initial_offset: the offset its snapshot stands for; -1 while it waits for one to start. */
    long initialOffset = -1;
    /** It came with SYNC, not PSYNC: no {@code +FULLRESYNC} line precedes its snapshot. */
    boolean prePsync;
    /** When it started waiting for a snapshot (the idle time repl-diskless-sync-delay counts). */
    long waitingSinceMillis;

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

    /** Its capabilities as bits (CAPA_EOF, CAPA_PSYNC2). */
    int capabilities() {
        return (capaEof ? CAPA_EOF : 0) | (capaPsync2 ? CAPA_PSYNC2 : 0);
    }

    /** WAIT_BGSAVE_START: attached for a full sync and waiting for a snapshot to start for it. */
    boolean waitingForSnapshot() {
        return state == State.WAIT_BGSAVE && initialOffset < 0;
    }

    /** WAIT_BGSAVE_END: its snapshot has been cut and is being made. */
    boolean snapshotCut() {
        return state == State.WAIT_BGSAVE && initialOffset >= 0;
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
