package io.nioredis.replication;

import io.nioredis.store.ProcessId;
import io.nioredis.config.Config;
import io.nioredis.persistence.PersistenceLog;
import io.nioredis.store.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The replica side of Redis's replication (replication.c): which master this server follows, the handshake
 * (PING, AUTH, REPLCONF listening-port, REPLCONF capa eof capa psync2, PSYNC), the snapshot received into a
 * file and loaded, then the stream, whose applied bytes make the replication offset. When the link drops, the
 * master's id and offset are cached so the next handshake asks {@code PSYNC <replid> <offset+1>}.
 *
 * <p>The socket is the event loop's, seen through {@link MasterTransport}; the loop reports the connection,
 * the bytes read before the stream starts, and the loss of the link. Once {@link #streaming}, the loop runs
 * the master's commands itself (with no replies) and reports each one's bytes here. Loop thread only.
 */
public final class ReplicaLink {
    /** Redis's repl_state, in its order; the handshake states are ROLE's "handshake". */
    public enum State {
        NONE, CONNECT, CONNECTING, RECEIVE_PING_REPLY, RECEIVE_AUTH_REPLY, RECEIVE_PORT_REPLY, RECEIVE_IP_REPLY,
        RECEIVE_CAPA_REPLY, RECEIVE_PSYNC_REPLY, TRANSFER, CONNECTED
    }

    private static final int MAX_REPLY_LINE = 64 * 1024;

    private final Config config;
    private final Clock clock;
    private final Replication replication;
    private final MasterSnapshotLoader loader;
    private final java.util.function.IntSupplier listeningPort;
    private final io.nioredis.store.ExpiryAuthority expiry;
    private PersistenceLog log = PersistenceLog.NONE;
    private MasterTransport transport;

    private String host;
    private int port;
    private State state = State.NONE;
    private final LineReader reply = new LineReader(MAX_REPLY_LINE);
    private FailoverHandshake failover = FailoverHandshake.NONE;
    /** When the handshake or transfer last heard from the master (Redis's repl_transfer_lastio). */
    private long transferLastIo;
    /** When the link went down, 0 while it never was up (Redis's repl_down_since). */
    private long downSince;

    // The full synchronisation in progress.
    private String masterReplid;
    private long masterInitialOffset = -1;
    private Path tempFile;
    private FileChannel tempChannel;
    private SnapshotReception snapshot;

    // The master client's figures: what was read of the stream and when.
    private boolean masterClient;
    private long readOffset;
    private long lastInteraction;
    /** The database the master's commands run in, kept across a cached link. */
    private int masterDb;
    /** Bytes of commands parsed but not yet applied as a whole (inside MULTI), to feed on EXEC. */
    private byte[] unapplied = new byte[4096];
    private int unappliedLength;

    // The cached master (Redis's cached_master): what a partial resync asks to continue from.
    private boolean cached;
    private String cachedReplid;
    private long cachedOffset;

    public ReplicaLink(Config config, Clock clock, Replication replication, MasterSnapshotLoader loader,
                       java.util.function.IntSupplier listeningPort, io.nioredis.store.ExpiryAuthority expiry) {
        this.expiry = expiry;
        this.config = config;
        this.clock = clock;
        this.replication = replication;
        this.loader = loader;
        this.listeningPort = listeningPort;
    }

    /** The coordinated failover whose PSYNC this link sends while it runs (FAILOVER). */
    public void failover(FailoverHandshake failover) {
        this.failover = failover;
    }

    public void log(PersistenceLog log) {
        this.log = log;
    }

    /** The event loop's socket; until it is plugged in, the link waits in CONNECT. */
    public void transport(MasterTransport transport) {
        this.transport = transport;
    }

    // ---- what INFO and ROLE show

    public boolean following() {
        return host != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public State state() {
        return state;
    }

    /** True once the handshake is done and the master's commands are being applied. */
    public boolean streaming() {
        return state == State.CONNECTED;
    }

    public boolean inHandshake() {
        return state.ordinal() >= State.RECEIVE_PING_REPLY.ordinal()
                && state.ordinal() <= State.RECEIVE_PSYNC_REPLY.ordinal();
    }

    /** Redis's slave_repl_offset: the master client's applied offset, the cached one, or 1 with neither. */
    public long appliedOffset() {
        return masterClient ? replication.offset() : cached ? cachedOffset : 1;
    }

    /** slave_read_repl_offset: what was read of the stream, applied or not. */
    public long readOffset() {
        return masterClient ? readOffset : cached ? cachedOffset : 1;
    }

    /** ROLE's offset: the master client's, -1 without one. */
    public long roleOffset() {
        return masterClient ? replication.offset() : -1;
    }

    public boolean hasMasterClient() {
        return masterClient;
    }

    public long lastInteractionMillis() {
        return lastInteraction;
    }

    public long downSinceMillis() {
        return downSince;
    }

    public long transferLastIoMillis() {
        return transferLastIo;
    }

    /** master_sync_total_bytes: -1 before the snapshot's header, 0 for an EOF-framed one. */
    public long transferSize() {
        return snapshot == null ? -1 : snapshot.size();
    }

    public long transferRead() {
        return snapshot == null ? 0 : snapshot.read();
    }

    public int masterDb() {
        return masterDb;
    }

    /**
     * The database the master's stream is in now (the master client's), which a snapshot for this server's
     * own replicas must name: they get the stream as it comes, with no SELECT of this server's.
     */
    public int streamDb() {
        return masterClient && transport != null ? transport.selectedDb() : masterDb;
    }

    // ---- REPLICAOF

    /**
     * Redis's replicationSetMaster: follow {@code host:port} from now on. A server that was a master keeps
     * its own history as the cached master, so the new master may continue it (PSYNC2).
     */
    public void follow(String host, int port) {
        boolean wasMaster = this.host == null;
        dropMasterClient();
        cancelHandshake();
        this.host = host;
        this.port = port;
        replication.following(true);
        expiry.replica(true);
        if (wasMaster) {
            cached = true;
            cachedReplid = replication.replid();
            cachedOffset = replication.offset();
            masterDb = 0;
        }
        config.set("replicaof", host + " " + port);
        state = State.CONNECT;
        log.notice("Connecting to MASTER " + host + ":" + port);
        connect();
    }

    /**
     * Redis's replicationUnsetMaster (REPLICAOF NO ONE): the data stays, the history so far is kept as
     * replid2 so former sibling replicas can continue from this server, and every replica of this one is
     * dropped to learn the new id.
     */
    public void unfollow() {
        if (host == null) {
            return;
        }
        host = null;
        port = 0;
        dropMasterClient();
        cached = false;
        cancelHandshake();
        replication.following(false);
        expiry.replica(false);
        replication.shiftReplicationId();
        replication.disconnectReplicas();
        config.set("replicaof", "");
        state = State.NONE;
        downSince = 0;
    }

    private void dropMasterClient() {
        if (masterClient) {
            int db = transport.selectedDb();
            transport.close();
            masterLost(db, false);
        }
    }

    // ---- the connection and the handshake

    private void connect() {
        if (transport == null) {
            return; // the loop is not running yet; the first cron connects
        }
        String failure = transport.connect(host, port);
        if (failure != null) {
            log.warning("Unable to connect to MASTER: " + failure);
            return;
        }
        state = State.CONNECTING;
        transferLastIo = clock.millis();
        log.notice("MASTER <-> REPLICA sync started");
    }

    /** The non-blocking connect completed: the handshake starts with a PING. */
    public void connected() {
        if (state != State.CONNECTING) {
            return;
        }
        log.notice("Non blocking connect for SYNC fired the event.");
        transferLastIo = clock.millis();
        state = State.RECEIVE_PING_REPLY;
        transport.send(command("PING"));
    }

    /**
     * Bytes from the master before the stream: handshake replies, then the snapshot. Stops as soon as the
     * link is {@link #streaming}, leaving the rest of {@code in} (the first commands of the stream) unread.
     */
    public void received(ByteBuffer in) {
        transferLastIo = clock.millis();
        while (in.hasRemaining() && state != State.CONNECTED && state != State.CONNECT && state != State.NONE) {
            if (state == State.TRANSFER) {
                receiveSnapshot(in);
                continue;
            }
            String line = reply.next(in);
            if (line == null) {
                if (reply.tooLong()) {
                    fail("Bad reply from MASTER: a line longer than " + MAX_REPLY_LINE + " bytes");
                }
                return;
            }
            handshakeReply(line);
        }
    }

    private void handshakeReply(String line) {
        switch (state) {
            case RECEIVE_PING_REPLY -> {
                if (line.startsWith("-") && !line.startsWith("-NOAUTH") && !line.startsWith("-NOPERM")
                        && !line.startsWith("-ERR operation not permitted")) {
                    fail("Error reply to PING from master: '" + line + "'");
                    return;
                }
                log.notice("Master replied to PING, replication can continue...");
                sendHandshake();
            }
            case RECEIVE_AUTH_REPLY -> {
                if (line.startsWith("-")) {
                    fail("Unable to AUTH to MASTER: " + line);
                    return;
                }
                state = State.RECEIVE_PORT_REPLY;
            }
            case RECEIVE_PORT_REPLY -> {
                if (line.startsWith("-")) {
                    log.notice("(Non critical) Master does not understand REPLCONF listening-port: " + line);
                }
                state = announcedIp() != null ? State.RECEIVE_IP_REPLY : State.RECEIVE_CAPA_REPLY;
            }
            case RECEIVE_IP_REPLY -> {
                if (line.startsWith("-")) {
                    log.notice("(Non critical) Master does not understand REPLCONF ip-address: " + line);
                }
                state = State.RECEIVE_CAPA_REPLY;
            }
            case RECEIVE_CAPA_REPLY -> {
                if (line.startsWith("-")) {
                    log.notice("(Non critical) Master does not understand REPLCONF capa: " + line);
                }
                sendPsync();
            }
            case RECEIVE_PSYNC_REPLY -> psyncReply(line);
            default -> { }
        }
    }

    /** AUTH, REPLCONF listening-port, REPLCONF ip-address and REPLCONF capa at once, as Redis 7.0 sends them. */
    private void sendHandshake() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        String password = config.get("masterauth");
        boolean auth = !password.isEmpty();
        if (auth) {
            String user = config.get("masteruser");
            b.writeBytes(user.isEmpty() ? command("AUTH", password) : command("AUTH", user, password));
        }
        long announcedPort = config.getLong("replica-announce-port");
        int myPort = announcedPort != 0 ? (int) announcedPort : listeningPort.getAsInt();
        b.writeBytes(command("REPLCONF", "listening-port", Integer.toString(myPort)));
        if (announcedIp() != null) {
            b.writeBytes(command("REPLCONF", "ip-address", announcedIp()));
        }
        b.writeBytes(command("REPLCONF", "capa", "eof", "capa", "psync2"));
        transport.send(b.toByteArray());
        state = auth ? State.RECEIVE_AUTH_REPLY : State.RECEIVE_PORT_REPLY;
    }

    private String announcedIp() {
        String ip = config.get("replica-announce-ip");
        return ip.isEmpty() ? null : ip;
    }

    /** Redis's slaveTryPartialResynchronization, the writing half. */
    private void sendPsync() {
        String replid = "?";
        String offset = "-1";
        if (cached) {
            replid = cachedReplid;
            offset = Long.toString(cachedOffset + 1);
            log.notice("Trying a partial resynchronization (request " + replid + ":" + offset + ").");
        } else {
            log.notice("Partial resynchronization not possible (no cached master)");
        }
        // A master handing over to this replica asks it to take over (Redis's PSYNC ... FAILOVER).
        transport.send(failover.inProgress() ? command("PSYNC", replid, offset, "FAILOVER")
                : command("PSYNC", replid, offset));
        state = State.RECEIVE_PSYNC_REPLY;
    }

    /** Redis's slaveTryPartialResynchronization, the reading half. */
    private void psyncReply(String line) {
        if (line.isEmpty()) {
            return; // a newline keeps the link alive while the master gets ready
        }
        boolean accepted = line.startsWith("+FULLRESYNC") || line.startsWith("+CONTINUE");
        if (failover.inProgress()) {
            if (!accepted) {
                failover.psyncRejected("Failover target rejected psync request");
                return;
            }
            failover.psyncAccepted(); // a full resync is not what a failover expects, but it is not wrong
        }
        if (line.startsWith("+FULLRESYNC")) {
            String[] words = line.split(" ");
            if (words.length >= 3 && words[1].length() == 40) {
                masterReplid = words[1];
                try {
                    masterInitialOffset = Long.parseLong(words[2]);
                } catch (NumberFormatException e) {
                    masterInitialOffset = -1;
                }
                log.notice("Full resync from master: " + masterReplid + ":" + masterInitialOffset);
            } else {
                log.warning("Master replied with wrong +FULLRESYNC syntax.");
                masterReplid = Replication.NO_REPLID;
                masterInitialOffset = -1;
            }
            startTransfer(); // the cached master stays until the snapshot is loaded (replicationAttachToNewMaster)
            return;
        }
        if (line.startsWith("+CONTINUE")) {
            String newReplid = line.length() >= 10 + 40 ? line.substring(10, 50) : null;
            log.notice("Successful partial resynchronization with master.");
            if (newReplid != null && !newReplid.equals(cachedReplid)) {
                log.notice("Master replication ID changed to " + newReplid);
            }
            replication.continueWithMaster(newReplid);
            cached = false;
            log.notice("MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.");
            becomeStreaming();
            return;
        }
        if (line.startsWith("-NOMASTERLINK") || line.startsWith("-LOADING")) {
            fail("Master is currently unable to PSYNC but should be in the future: " + line);
            return;
        }
        if (line.startsWith("-")) {
            log.warning("Unexpected reply to PSYNC from master: " + line);
        } else {
            log.warning("Unexpected reply to PSYNC from master: " + line);
        }
        // As Redis, a master that does not know PSYNC gets SYNC.
        log.notice("Retrying with SYNC...");
        transport.send(command("SYNC"));
        masterReplid = Replication.NO_REPLID;
        masterInitialOffset = -1;
        startTransfer();
    }

    private void startTransfer() {
        try {
            Path dir = Path.of(config.get("dir"));
            tempFile = dir.resolve("temp-" + clock.millis() / 1000 + "." + ProcessId.current() + ".rdb");
            tempChannel = FileChannel.open(tempFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            fail("Opening the temp file needed for MASTER <-> REPLICA synchronization: " + e.getMessage());
            return;
        }
        snapshot = new SnapshotReception(tempChannel);
        state = State.TRANSFER;
    }

    private void receiveSnapshot(ByteBuffer in) {
        SnapshotReception.Progress progress;
        long sizeBefore = snapshot.size();
        try {
            progress = snapshot.receive(in);
        } catch (IOException e) {
            fail(snapshot.error() != null ? snapshot.error() : e.getMessage());
            return;
        }
        if (sizeBefore == -1 && snapshot.size() != -1) {
            log.notice(snapshot.eofFramed()
                    ? "MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF to disk"
                    : "MASTER <-> REPLICA sync: receiving " + snapshot.size() + " bytes from master to disk");
        }
        if (progress == SnapshotReception.Progress.DONE) {
            loadSnapshot();
        }
    }

    /** The whole snapshot is in the file: it becomes the dump file and the dataset (Redis's disk-load mode). */
    private void loadSnapshot() {
        boolean eofFramed = snapshot.eofFramed();
        try {
            tempChannel.force(true);
            tempChannel.close();
        } catch (IOException e) {
            fail("Failed trying to sync the temp DB to disk in MASTER <-> REPLICA synchronization: "
                    + e.getMessage());
            return;
        }
        log.notice("MASTER <-> REPLICA sync: Flushing old data");
        log.notice("MASTER <-> REPLICA sync: Loading DB in memory");
        Path target = Path.of(config.get("dir")).resolve(config.get("dbfilename"));
        try {
            Files.move(tempFile, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            fail("Failed trying to rename the temp DB into " + config.get("dbfilename")
                    + " in MASTER <-> REPLICA synchronization: " + e.getMessage());
            return;
        }
        tempFile = null;
        tempChannel = null;
        int streamDb = loader.load(target);
        if (streamDb < 0) {
            fail("Failed trying to load the MASTER synchronization DB from disk, check server logs.");
            return;
        }
        snapshot = null;
        cached = false; // Redis's replicationAttachToNewMaster: the old history is gone
        replication.adoptMaster(masterReplid, masterInitialOffset);
        masterDb = streamDb; // Redis's rsi.repl_stream_db: where the stream that follows runs
        if (config.getBoolean("rdb-del-sync-files") && SyncFiles.persistenceDisabled(config)) {
            log.notice("Removing the RDB file obtained from the master. This replica has persistence disabled");
            SyncFiles.delete(target);
        }
        log.notice("MASTER <-> REPLICA sync: Finished with success");
        becomeStreaming();
        if (eofFramed) {
            sendAck(); // the master holds the stream until this first ACK (Redis's repl_start_cmd_stream_on_ack)
        }
    }

    private void becomeStreaming() {
        state = State.CONNECTED;
        masterClient = true;
        readOffset = replication.offset();
        lastInteraction = clock.millis();
        unappliedLength = 0;
        downSince = 0;
    }

    /** A handshake or transfer failure: the socket goes and the next cron tries again. */
    private void fail(String reason) {
        log.warning(reason);
        cancelHandshake();
        if (host != null) {
            state = State.CONNECT;
        }
    }

    /** Redis's cancelReplicationHandshake: any connection in progress and any temp file go. */
    private void cancelHandshake() {
        if (state.ordinal() >= State.CONNECTING.ordinal() && state != State.CONNECTED && transport != null) {
            transport.close();
        }
        if (tempChannel != null) {
            try {
                tempChannel.close();
            } catch (IOException ignored) {
                // the file is removed below
            }
            tempChannel = null;
        }
        if (tempFile != null) {
            try {
                Files.deleteIfExists(tempFile);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
            tempFile = null;
        }
        snapshot = null;
        reply.clear();
        if (state != State.CONNECTED && host != null) {
            state = State.CONNECT;
        }
    }

    /**
     * The socket closed or failed. A handshake starts over; a master link that was up is cached for a partial
     * resync (Redis's replicationCacheMaster), and the link reconnects at once.
     */
    public void linkLost(String reason, int db) {
        if (state == State.CONNECTED) {
            masterLost(db, true);
            return;
        }
        if (state.ordinal() >= State.CONNECTING.ordinal()) {
            log.warning("Error condition on socket for SYNC: " + reason);
            cancelHandshake();
        }
    }

    private void masterLost(int db, boolean reconnect) {
        log.notice("Connection with master lost.");
        log.notice("Caching the disconnected master state.");
        masterClient = false;
        cached = true;
        cachedReplid = replication.replid();
        cachedOffset = replication.offset();
        masterDb = db;
        unappliedLength = 0;
        downSince = clock.millis();
        if (host != null) {
            state = State.CONNECT;
            if (reconnect) {
                log.notice("Reconnecting to MASTER " + host + ":" + port);
                connect();
            }
        }
    }

    // ---- the stream

    /** Bytes read from the master's connection once streaming (slave_read_repl_offset). */
    public void streamRead(int n) {
        readOffset += n;
        lastInteraction = clock.millis();
    }

    /**
     * One command of the stream ran: its bytes are applied, with those of the transaction it closes, unless a
     * transaction is still open (Redis counts a MULTI block's bytes only once EXEC ran).
     */
    public void commandApplied(byte[] b, int off, int len, boolean inTransaction) {
        if (inTransaction || unappliedLength > 0) {
            if (unappliedLength + len > unapplied.length) {
                unapplied = Arrays.copyOf(unapplied, Math.max(unapplied.length * 2, unappliedLength + len));
            }
            System.arraycopy(b, off, unapplied, unappliedLength, len);
            unappliedLength += len;
            if (inTransaction) {
                return;
            }
            replication.feedFromMaster(unapplied, 0, unappliedLength);
            unappliedLength = 0;
            return;
        }
        replication.feedFromMaster(b, off, len);
    }

    /** REPLCONF ACK with the applied offset; REPLCONF GETACK asks for it, and the cron sends it every second. */
    public void sendAck() {
        if (masterClient && transport != null) {
            transport.send(command("REPLCONF", "ACK", Long.toString(replication.offset())));
        }
    }

    /**
     * Redis's replicationCron on a replica, once a second: timeouts of the connection, the handshake, the
     * transfer and the link; a connection attempt while there is none; an ACK to a connected master.
     */
    public void cron(long now) {
        if (host == null) {
            return;
        }
        long timeout = config.getLong("repl-timeout") * 1000;
        if ((state == State.CONNECTING || inHandshake()) && now - transferLastIo > timeout) {
            fail("Timeout connecting to the MASTER...");
        }
        if (state == State.TRANSFER && now - transferLastIo > timeout) {
            fail("Timeout receiving bulk data from MASTER... If the problem persists try to set the"
                    + " 'repl-timeout' parameter in redis.conf to a larger value.");
        }
        if (masterClient && now - lastInteraction > timeout) {
            log.warning("MASTER timeout: no data nor PING received...");
            int db = transport.selectedDb();
            transport.close();
            masterLost(db, false);
        }
        if (state == State.CONNECT) {
            log.notice("Connecting to MASTER " + host + ":" + port);
            connect();
        }
        if (masterClient) {
            sendAck();
        }
    }

    static byte[] command(String... args) {
        StringBuilder s = new StringBuilder();
        s.append('*').append(args.length).append("\r\n");
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            s.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
