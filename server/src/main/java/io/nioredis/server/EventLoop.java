package io.nioredis.server;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.client.ConnectedClients;
import io.nioredis.command.Dispatcher;
import io.nioredis.resp.RequestKeys;
import io.nioredis.resp.RespParser;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.ActiveExpiry;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Consumer;

/**
 * The single-threaded reactor: one Selector for the listening sockets and every client. Each readable
 * client is read once, every complete request in the bytes is executed in order, and the replies are
 * written straight away; OP_WRITE is asked for only while a socket's send buffer is full. The clients a
 * select finds ready are served the longest waiting first ({@link ServiceOrder}).
 *
 * <p>Between events the loop does the periodic work that Redis's serverCron and beforeSleep do: active
 * expiry from the top of the expiry heap within a time budget every turn, and incremental rehashing on a
 * tick of {@code hz} times a second. The select timeout wakes the loop for whichever is due first.
 */
final class EventLoop {
    /** Requests are read into one buffer of this size shared by all connections, {@link ReadSize} at a time. */
    private static final int READ_BUFFER = 64 * 1024;
    /** Smallest buffer for replies a socket would not take. */
    private static final int PENDING_MIN = 16 * 1024;
    private static final int MAX_ACCEPTS_PER_EVENT = 1000;
    private static final long REHASH_BUDGET_NANOS = 1_000_000;
    private static final int REPLY_BUFFER = 64 * 1024;
    /**
     * Replies go to the socket through a direct buffer of this size: a pipeline's replies (up to a few
     * hundred KB) in one write, a larger backlog in writes of this size until the socket is full.
     */
    private static final int WRITE_CHUNK = 256 * 1024;
    /**
     * The most one read takes: the rest of a big argument ({@link ReadSize}). Capped at 64 KB, a 100 KB value
     * that starts with a 16 KB read took three reads instead of two, and 5-10 % more CPU per SET.
     */
    private static final int BIG_READ = 256 * 1024;
    /** Numbers shown as fd start here, after the standard streams and the listening sockets, as in Redis. */
    private static final int FIRST_FD = 8;
    /** Replies are sent in the middle of a batch of requests once this many have piled up. */
    private static final int MID_BATCH_FLUSH = 1024 * 1024;
    /**
     * The longest a read's requests run before the loop serves the other clients and comes back for the rest
     * ({@link #runDeferred}), so that a client's pipeline cannot hold everyone up, however slowly it runs:
     * in the interpreter or code just thrown away, while a fresh JVM compiles, a 16 KB read of SETs took
     * tens of milliseconds. Redis runs a whole read at once; its reads run at one speed.
     */
    private static final long READ_TURN_NANOS = 1_000_000;
    /** Below this many bytes a read holds one small request or two: nothing to look up ahead. */
    private static final int PREFETCH_MIN_BYTES = 64;
    /** How many keys of a read {@link #prefetch} looks up ahead: a pipeline of 16 MSETs of 10 keys and more. */
    private static final int PREFETCH_KEYS = 256;
    private static final byte[] MAX_CLIENTS_REACHED =
            "-ERR max number of clients reached\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long IDLE_CHECK_MILLIS = 1000;

    private final Selector selector;
    private final List<ServerSocketChannel> listeners;
    private final ServerState state;
    /** Every connected client, in order of connection, for CLIENT LIST and KILL. */
    private final ConnectedClients peers;
    private final Dispatcher dispatcher;
    private final Log log;
    private final ActiveExpiry activeExpiry;
    private final ClientLimits limits;
    /** Where requests are read; swapped with {@link #busyInput} while a long script lets others in. */
    private ByteBuffer sharedInput = ByteBuffer.allocate(READ_BUFFER);
    /** Where replies are written; swapped with {@link #busyOut} while a long script lets others in. */
    private RespWriter out = new RespWriter(REPLY_BUFFER);
    private final RequestKeys requestKeys = new RequestKeys(PREFETCH_KEYS);
    /** What the look-ups ahead read, kept so that the JIT cannot drop them; never used otherwise. */
    private int prefetched;
    /** Every socket read and write goes through these, instead of the JDK's temporary direct buffers. */
    private final DirectSocketBuffers io = new DirectSocketBuffers(BIG_READ, WRITE_CHUNK);
    // The callbacks here are classes, not lambdas: the loop is made at start-up (see io.nioredis.config.Config).
    private final Consumer<SelectionKey> onReady = new Consumer<SelectionKey>() {
        @Override
        public void accept(SelectionKey key) {
            onReady(key);
        }
    };
    /**
     * Ready keys are collected during the select and served after it, so that a script that runs long can
     * select again from inside a command (a nested select inside the selection callback is refused).
     */
    private final List<SelectionKey> readyKeys = new java.util.ArrayList<>();
    private final Consumer<SelectionKey> collectReady = new Collector(readyKeys);
    private final ServiceOrder<SelectionKey> serviceOrder = new ServiceOrder<>(new LastServed());
    /** Connections served so far, counted to stamp {@link Connection#lastServed}. */
    private long services;
    private final List<SelectionKey> busyReadyKeys = new java.util.ArrayList<>();
    private final Consumer<SelectionKey> collectBusyReady = new Collector(busyReadyKeys);
    // Serving other clients from inside a long script: their own buffers, so the caller's unparsed
    // requests and unsent replies stay untouched, and the caller itself is not read.
    private ByteBuffer busyInput;
    private RespWriter busyOut;
    private Connection busyCaller;
    private final Consumer<SelectionKey> onReadyWhileBusy = new Consumer<SelectionKey>() {
        @Override
        public void accept(SelectionKey key) {
            // Neither the busy script's caller nor the master's socket, whose snapshot may be what is loading.
            // A listener's key has no attachment, and while a snapshot loads there is no caller either:
            // compared as they are, null == null would leave the listener unaccepted until the load ends.
            Object attachment = key.attachment();
            boolean caller = attachment != null && attachment == busyCaller;
            if (!caller && !MasterSocket.isMasterSocket(attachment)) {
                onReady(key);
            }
        }
    };
    private volatile boolean stopping;
    private long nextTick;
    private long nextClientId = 1;
    // Connection features (CLIENT LIST/KILL, pub/sub delivery): see push, closeAsap, ConnectedClients.
    private final java.util.Map<Long, Connection> connections = new java.util.LinkedHashMap<>();
    private final java.util.List<Connection> toClose = new java.util.ArrayList<>();
    private final java.util.BitSet fds = new java.util.BitSet();
    /** The connection whose requests are being executed, so that a message to it joins its replies in order. */
    private Connection current;
    /** The buffer {@link #current}'s requests are parsed from, and where the running one starts (qbuf). */
    private ByteBuffer currentInput;
    private int currentRequestStart;
    /**
     * Connections whose buffered requests ran longer than {@link #READ_TURN_NANOS}, to go on once the clients
     * a select finds ready have been served.
     */
    private final java.util.ArrayDeque<Connection> deferred = new java.util.ArrayDeque<>();
    /** Connections whose next request CLIENT PAUSE holds, in the order they were held. */
    private final List<Connection> held = new java.util.ArrayList<>();
    private long nextIdleCheck;
    /**
     * Connections whose blocking command ended, to run the requests that arrived meanwhile before the loop
     * sleeps (Redis's unblocked_clients, handled in beforeSleep).
     */
    private final java.util.ArrayDeque<Connection> unblocked = new java.util.ArrayDeque<>();
    /** Registered channels (listeners and clients) as of the last tick, readable from any thread. */
    private volatile int registeredChannels;
    /** Listeners found ready in this turn's select; accepted from once the clients' events are handled. */
    private final List<ServerSocketChannel> readyListeners = new java.util.ArrayList<>();
    /**
     * Connections accepted since the selector last looked at them: a burst of clients that connect and
     * drop at once leaves them here dead but still counted, so they are read (and closed) before a new
     * client is refused for maxclients.
     */
    private final List<Connection> unpolled = new java.util.ArrayList<>();
    /** Replica connections with stream bytes queued this turn, written by {@link #writeOutboxes}. */
    private final List<Connection> outboxes = new java.util.ArrayList<>();
    /** This server's socket to its master while it is a replica. */
    private final MasterSocket masterSocket;
    /** Set while the replica link itself closes the master's connection, which it then need not hear of. */
    private boolean closingMaster;

    EventLoop(Selector selector, List<ServerSocketChannel> listeners, ServerState state, Dispatcher dispatcher,
              Log log, ClientLimits limits) throws IOException {
        this.limits = limits;
        this.selector = selector;
        this.listeners = listeners;
        this.state = state;
        this.dispatcher = dispatcher;
        this.log = log;
        this.activeExpiry = new ActiveExpiry(state.databases);
        for (ServerSocketChannel listener : listeners) {
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        }
        BusyServing busyServing = new BusyServing();
        state.scripting.running.busyEvents(busyServing);
        state.eventsWhileLoading = busyServing; // other clients get -LOADING meanwhile
        this.masterSocket = new MasterSocket(this, selector, state.replicaLink);
        state.replicaLink.transport(masterSocket);
        this.peers = new ConnectedClients() {
            @Override
            public Iterable<Client> all() {
                java.util.List<Client> all = new java.util.ArrayList<>(connections.size());
                for (Connection c : connections.values()) {
                    all.add(c.client);
                }
                return all;
            }
        };
    }

    /** Adds each ready key to a list, to be served after the select. */
    private static final class Collector implements Consumer<SelectionKey> {
        private final List<SelectionKey> keys;

        Collector(List<SelectionKey> keys) {
            this.keys = keys;
        }

        @Override
        public void accept(SelectionKey key) {
            keys.add(key);
        }
    }

    /** Orders ready keys by their connection's last service; listeners and the master's socket go first. */
    private static final class LastServed implements ServiceOrder.Stamp<SelectionKey> {
        @Override
        public long of(SelectionKey key) {
            Object attachment = key.attachment();
            return attachment instanceof Connection ? ((Connection) attachment).lastServed : 0;
        }
    }

    /** Serves the other clients while a script runs long or a snapshot loads. */
    private final class BusyServing implements Runnable, io.nioredis.RunningScript.BusyEvents {
        @Override
        public void run() {
            processEventsWhileBusy();
        }

        @Override
        public void process() {
            processEventsWhileBusy();
        }
    }

    /** Runs until {@link #stop} or a SHUTDOWN command; then closes every socket. */
    void run() throws IOException {
        try {
            while (!stopping && !state.shutdownRequested) {
                turn();
            }
        } finally {
            if (stopping && !state.shutdownRequested) {
                saveOnSignal();
            }
            state.aof.flushForShutdown();
            writeOutboxes(); // replicas get the last turn's writes, as far as their sockets take them
            closeAll();
        }
    }

    /**
     * One pass of the loop: wait for events, serve them, then the periodic work. A method of its own so that
     * the JIT compiles it: the loop in {@link #run} is entered once, and at a few dozen requests per turn its
     * back-edge count stays below the on-stack-replacement threshold for millions of requests, which left
     * the loop's body interpreted (a few percent of the CPU time at one request per round trip).
     */
    private void turn() throws IOException {
        long timeout = timeoutMillis(state.clock.millis());
        if (timeout <= 0) {
            selector.selectNow(collectReady);
        } else {
            selector.select(collectReady, timeout);
        }
        serviceOrder.sort(readyKeys);
        serveReady(readyKeys, onReady);
        runDeferred();
        unpolled.clear(); // the select just looked at every connection accepted before it
        acceptFromReadyListeners();
        closeScheduled();
        long now = state.clock.millis();
        boolean paused = state.pause.active(now);
        if (!paused && !held.isEmpty()) {
            resumeHeld();
            closeScheduled();
        }
        if (!state.pause.set()) {
            expireDueKeys(now); // as Redis, a pause also stops the server's own writes: expiry and eviction
        }
        state.blocking.expire(now); // blocked clients whose timeout passed get their null reply
        state.blocking.serveReady();
        runUnblocked();
        state.replication.beforeSleep(); // a WAIT's GETACK goes out before the loop sleeps
        closeScheduled();
        if (!state.pause.set() && !state.replication.following()) {
            state.evictor.makeRoom(); // finishes evictions a command's time budget left over
        }
        if (now >= nextTick) {
            tick(now);
        }
        state.aof.beforeReplies(); // what the server wrote by itself (expiries, evictions) this turn
        state.persistence.snapshotSlice(); // a background save's share of this turn, after the clients
        if (state.fullSync.busy()) {
            state.fullSync.turn(); // a full sync's snapshot bytes to the replicas' sockets
        }
        writeOutboxes();
    }

    /**
     * Called from inside a script that has run past busy-reply-threshold (Redis's processEventsWhileBlocked):
     * accepts, reads and answers other clients, -BUSY to all but the commands flagged allow_busy (SCRIPT
     * KILL, FUNCTION KILL, SHUTDOWN NOSAVE...). The script's caller is left unread until the script ends.
     */
    private void processEventsWhileBusy() {
        Connection caller = current;
        RespWriter callerOut = out;
        ByteBuffer callerInput = sharedInput;
        if (busyOut == null) {
            busyOut = new RespWriter(REPLY_BUFFER);
            busyInput = ByteBuffer.allocate(READ_BUFFER);
        }
        out = busyOut;
        sharedInput = busyInput;
        busyCaller = caller;
        try {
            selector.selectNow(collectBusyReady);
            serveReady(busyReadyKeys, onReadyWhileBusy);
            acceptFromReadyListeners(); // new clients too, as Redis's processEventsWhileBlocked accepts them
        } catch (IOException e) {
            log.warning("Serving clients during a busy script: " + e.getMessage());
        } finally {
            out = callerOut;
            sharedInput = callerInput;
            current = caller;
            busyCaller = null;
        }
    }

    private static void serveReady(List<SelectionKey> keys, Consumer<SelectionKey> handler) {
        try {
            for (int i = 0; i < keys.size(); i++) {
                handler.accept(keys.get(i));
            }
        } finally {
            keys.clear();
        }
    }

    /**
     * Stopped from outside (SIGTERM, SIGINT, or whoever embeds the server): as Redis's prepareForShutdown,
     * abandon a running background save, then write the final snapshot if save points are configured.
     */
    private void saveOnSignal() {
        state.persistence.abortBackgroundSave();
        if (state.persistence.hasSavePoints()) {
            log.notice("Saving the final RDB snapshot before exiting.");
            if (!state.persistence.save()) {
                log.warning("Error trying to save the DB, can't exit.");
            }
        }
    }

    /** Channels registered with the selector as of the last tick (at most 1/hz old); any thread. */
    int registeredChannels() {
        return registeredChannels;
    }

    /** Asks the loop to finish its turn and stop; callable from any thread. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    private long timeoutMillis(long now) {
        long wake = state.pause.set() ? Math.min(nextTick, state.pause.endMillis())
                : state.activeExpiryRuns() ? Math.min(nextTick, state.databases.nextDeadline()) : nextTick;
        wake = Math.min(wake, state.blocking.nextWakeup());
        if (state.persistence.snapshotSliceReady() || !deferred.isEmpty()) {
            return 0;
        }
        if (state.persistence.snapshotSerializing() || state.fullSync.busy()) {
            wake = Math.min(wake, now + 1); // waiting for the disk or a replica to take bytes: look again soon
        }
        return Math.max(0, wake - now);
    }

    /**
     * Runs on, for {@link #READ_TURN_NANOS} more each, the requests of the clients that were cut short, in the
     * order they were cut; one cut short again waits for the next turn. Their sockets are not read meanwhile
     * ({@link #read}).
     */
    private void runDeferred() {
        for (int n = deferred.size(); n > 0; n--) {
            Connection conn = deferred.poll();
            conn.deferred = false;
            if (conn.closed || conn.closing || conn.closeAsap || conn.held || conn.client.isBlocked()
                    || conn.input == null || conn.input.position() == 0) {
                continue; // gone, or the pause's or the blocking command's end runs the rest
            }
            conn.lastServed = ++services;
            runBuffered(conn);
        }
    }

    /**
     * Runs the requests waiting in the connection's own buffer (in write mode), as after a read; a failure
     * drops that client alone.
     */
    private void runBuffered(Connection conn) {
        ByteBuffer in = conn.input;
        in.flip();
        try {
            process(conn, in);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            dropAfterFailure(conn, e);
        }
    }

    /** The pause is over: runs the held clients' requests in the order they were held. */
    private void resumeHeld() {
        List<Connection> waiting = new java.util.ArrayList<>(held);
        held.clear();
        for (Connection conn : waiting) {
            conn.held = false;
            if (conn.closed || conn.closeAsap || conn.input == null) {
                continue;
            }
            runBuffered(conn);
        }
    }

    /** CLIENT LIST's qbuf: unparsed request bytes, the running request included, as in Redis. */
    long queryBufferBytes(Connection conn) {
        if (conn == current && currentInput != null) {
            return currentInput.limit() - currentRequestStart;
        }
        return conn.input == null ? 0 : conn.input.position();
    }

    /** CLIENT LIST's qbuf-free: room left in the buffer the connection's requests are read into. */
    long queryBufferFree(Connection conn) {
        if (conn == current && currentInput == sharedInput) {
            return sharedInput.capacity() - sharedInput.limit();
        }
        return conn.input == null ? 0 : conn.input.remaining();
    }

    /** CLIENT LIST's obl: replies written for the running client and not yet handed to the socket. */
    long replyBufferBytes(Connection conn) {
        return conn == current ? out.size() : 0;
    }

    private void tick(long now) {
        long hz = DynamicHz.of(state.config.getLong("hz"), state.connectedClients,
                state.config.getBoolean("dynamic-hz"));
        state.hz = hz;
        nextTick = now + Math.max(1, 1000 / hz);
        if (state.config.getBoolean("activerehashing")) {
            long until = System.nanoTime() + REHASH_BUDGET_NANOS;
            while (state.databases.rehashSteps(100) && System.nanoTime() < until) {
                // keep moving buckets while there is budget
            }
        }
        registeredChannels = selector.keys().size();
        state.cron(now);
        if (limits.idleTimeoutMillis > 0 && now >= nextIdleCheck) {
            nextIdleCheck = now + IDLE_CHECK_MILLIS;
            closeIdleClients(now);
        }
    }

    /** Redis's clientsCronHandleTimeout: clients silent for longer than {@code timeout} are closed. */
    private void closeIdleClients(long now) {
        List<Connection> idle = new java.util.ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection) {
                Connection conn = (Connection) key.attachment();
                // As Redis, a client waiting in a blocking command is not idle, however long it waits, and a
                // replica answers to repl-timeout instead.
                if (!conn.client.isBlocked() && !conn.client.isReplica() && !conn.client.isMaster()
                        && now - conn.lastInteraction > limits.idleTimeoutMillis) {
                    idle.add(conn);
                }
            }
        }
        for (Connection conn : idle) {
            log.verbose("Closing idle client id=" + conn.client.id());
            close(conn);
        }
    }

    /**
     * Deletes keys whose deadline has passed, earliest first, for at most about a millisecond; what is
     * left is picked up in the next turn, which then does not sleep.
     */
    private void expireDueKeys(long now) {
        // DEBUG SET-ACTIVE-EXPIRE 0 leaves expiry to lookups
        if (!state.activeExpiryRuns() || state.databases.nextDeadline() > now) {
            return;
        }
        long start = System.nanoTime();
        activeExpiry.runTurn(now);
        state.diagnostics.sample("expire-cycle", System.nanoTime() - start, state.clock);
    }

    private void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.channel() instanceof ServerSocketChannel) {
            // Accepted after this turn's client events, so that clients that hung up are counted out first.
            readyListeners.add((ServerSocketChannel) key.channel());
            return;
        }
        if (MasterSocket.isMasterSocket(key.attachment())) {
            try {
                ((MasterSocket) key.attachment()).onReady(key);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                log.warning("Unexpected error on the link with the master, closing it: " + e);
                masterSocket.close();
                state.replicaLink.linkLost(e.toString(), 0);
            }
            return;
        }
        Connection conn = (Connection) key.attachment();
        if (conn.closeAsap) {
            return;
        }
        conn.lastServed = ++services;
        try {
            if (key.isWritable()) {
                writePending(conn);
            }
            if (!conn.closed && key.isValid() && key.isReadable()) {
                read(conn);
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            dropAfterFailure(conn, e);
        }
    }

    /**
     * A request failed with a bug of ours or ran the heap out: that client's connection is closed, as its
     * replies already queued in this turn are dropped with the failed one, and every other client goes on.
     * Redis would abort on both; one client's request must not take the server and every other client down.
     */
    private void dropAfterFailure(Connection conn, Throwable e) {
        out.reset();
        log.warning("Unexpected error serving client id=" + conn.client.id() + ", closing it: " + e);
        close(conn);
    }

    private void acceptFromReadyListeners() {
        for (int i = 0; i < readyListeners.size(); i++) {
            accept(readyListeners.get(i));
        }
        readyListeners.clear();
    }

    /**
     * Reads the connections accepted since the selector last polled them, so that those whose peer already
     * hung up are closed and stop counting against maxclients; any requests they sent are served.
     */
    private void reapUnpolled() {
        for (int i = 0; i < unpolled.size(); i++) {
            Connection conn = unpolled.get(i);
            if (!conn.closed && !conn.closeAsap && conn.key.isValid()) {
                try {
                    read(conn);
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    dropAfterFailure(conn, e);
                }
            }
        }
        unpolled.clear();
    }

    private void accept(ServerSocketChannel listener) {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                log.warning("Accepting client connection: " + e.getMessage());
                return;
            }
            if (channel == null) {
                return;
            }
            try {
                channel.configureBlocking(false);
                if (state.connectedClients >= limits.maxClients && !unpolled.isEmpty()) {
                    reapUnpolled();
                }
                if (state.connectedClients >= limits.maxClients) {
                    // As Redis: best effort to tell the client why, without waiting for it.
                    channel.write(ByteBuffer.wrap(MAX_CLIENTS_REACHED));
                    state.rejectedConnections++;
                    closeQuietly(channel);
                    continue;
                }
                state.totalConnectionsReceived++;
                if (ProtectedMode.rejects(limits.protectedMode, state.authenticator.passwordRequired(),
                        ((java.net.InetSocketAddress) channel.getRemoteAddress()).getAddress())) {
                    channel.write(ByteBuffer.wrap(ProtectedMode.DENIED));
                    log.verbose("Denied non-loopback client " + channel.getRemoteAddress() + " in protected mode");
                    closeQuietly(channel);
                    continue;
                }
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                TcpKeepAlive.apply(channel, (int) Math.min(Integer.MAX_VALUE, state.config.getLong("tcp-keepalive")));
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                Client client = new Client(nextClientId++, state);
                client.peers(peers);
                Connection conn = new Connection(channel, key, client);
                conn.lastInteraction = state.clock.millis();
                key.attach(conn);
                attach(conn);
                unpolled.add(conn);
                state.connectedClients++;
                if (log.enabled(Log.VERBOSE)) {
                    log.verbose("Accepted " + channel.getRemoteAddress());
                }
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
    }

    private void read(Connection conn) {
        if (conn.client.closeAfterReply()) {
            closeAfterPending(conn); // let go by another client's command, maybe before runUnblocked saw it
            return;
        }
        if (conn.client.isBlocked()) {
            readWhileBlocked(conn);
            return;
        }
        if (conn.deferred) {
            // Requests it sent are still waiting to run (runDeferred, later this turn): read on only once they
            // have, as Redis reads a client again only after running what it read, or its buffer would grow
            // for as long as it sends faster than its requests run.
            return;
        }
        ByteBuffer in = conn.input;
        if (in == null) {
            in = sharedInput;
            in.clear();
        }
        int n;
        try {
            n = io.read(conn.channel, in, ReadSize.of(conn.parser.bytesNeeded(), in.position(), BIG_READ));
        } catch (IOException e) {
            close(conn);
            return;
        }
        if (n < 0) {
            close(conn);
            return;
        }
        if (n == 0) {
            return;
        }
        state.totalNetInputBytes += n;
        long now = state.clock.millis();
        conn.lastInteraction = now;
        if (conn.client.isMaster()) {
            state.replicaLink.streamRead(n);
        }
        in.flip();
        conn.client.touch(now);
        process(conn, in);
    }

    /**
     * Runs the complete requests in {@code in} (read mode), keeps what is left for the next read, and
     * sends the replies: the part of a read that follows the socket, also used to resume held clients.
     */
    private void process(Connection conn, ByteBuffer in) {
        out.protocol(conn.client.protocol());
        current = conn;
        currentInput = in;
        execute(conn, in);
        current = null;
        currentInput = null;
        if (conn.closed) {
            return;
        }
        if (!conn.closing) {
            keepPartial(conn, in);
            if (conn.input != null && conn.input.position() > limits.queryBufferLimit) {
                // As Redis: no reply, the client is simply dropped and its buffer freed.
                log.warning("Closing client that reached max query buffer length: id=" + conn.client.id()
                        + " qbuf=" + conn.input.position());
                out.reset();
                close(conn);
                return;
            }
        }
        flush(conn);
    }

    /**
     * A pipeline's keys, and the members its requests name in sets and hashes, looked up ahead, all together,
     * so that their cache misses overlap; each command then finds them in the cache. Only for a read holding
     * several requests: one request gains nothing.
     */
    private void prefetch(Connection conn, ByteBuffer in) {
        io.nioredis.store.Dict keys = conn.client.keyspace().dict();
        // A keyspace that stays in the cache reads nothing ahead: scanning the requests for their keys alone
        // was 2.3 % of the CPU of pipelined PFADDs on one key.
        if (in.remaining() < PREFETCH_MIN_BYTES || !keys.worthPrefetching()) {
            return;
        }
        byte[] b = in.array();
        int from = in.arrayOffset() + in.position();
        int n = requestKeys.scan(b, from, in.arrayOffset() + in.limit());
        if (n > 1) {
            prefetched += keys.prefetch(b, requestKeys.offsets(),
                    requestKeys.lengths(), requestKeys.memberOffsets(), requestKeys.memberLengths(), n);
        }
    }

    /** Executes every complete request in {@code in}, in order, appending the replies to {@link #out}. */
    private void execute(Connection conn, ByteBuffer in) {
        try {
            executeAll(conn, in);
        } finally {
            state.callClock.unchain();
        }
    }

    /**
     * {@link #execute}'s loop. The requests of one read run one after another, so each call is timed from the
     * end of the one before it ({@link io.nioredis.stats.CallClock}), until a write comes between them.
     */
    private void executeAll(Connection conn, ByteBuffer in) {
        RespParser parser = conn.parser;
        parser.maxBulkLength(limits.maxBulkLength);
        prefetch(conn, in);
        boolean batch = false;
        boolean timed = false;
        long started = 0;
        while (!state.shutdownRequested) {
            parser.unauthenticated(conn.client.authRequired());
            int before = in.position();
            currentRequestStart = before;
            int result = parser.parse(in);
            if (result == RespParser.REQUEST) {
                if (batch) {
                    state.callClock.chain();
                } else {
                    long now = state.callClock.begin();
                    batch = true;
                    if (!timed) {
                        started = now;
                        timed = true;
                    }
                }
                dispatcher.execute(conn.client, parser.request(), out);
                if (conn.client.paused()) {
                    // Held by CLIENT PAUSE: this request and those after it wait, to be parsed again later.
                    in.position(before);
                    if (!conn.held) {
                        conn.held = true;
                        held.add(conn);
                    }
                    return;
                }
                if (conn.client.isMaster()) {
                    // The master hears nothing back but the ACKs, and each command's bytes make the offset.
                    out.reset();
                    state.replicaLink.commandApplied(in.array(), in.arrayOffset() + before, in.position() - before,
                            conn.client.transaction() != null);
                }
                if (conn.client.closeAfterReply()) {
                    conn.closing = true;
                    return;
                }
                if (conn.client.isBlocked()) {
                    return; // the rest waits, unparsed, until the blocking command has its answer
                }
                if (out.size() >= MID_BATCH_FLUSH) {
                    // A pipeline of big replies: send or queue them now so the output limits see them.
                    flush(conn);
                    batch = false; // the write is no request's time
                    if (conn.closed) {
                        return;
                    }
                }
                if (state.callClock.last() - started > READ_TURN_NANOS && in.hasRemaining()) {
                    if (!conn.deferred) {
                        conn.deferred = true;
                        deferred.add(conn);
                    }
                    return; // the other clients' turn; the rest stays in the connection's buffer
                }
            } else if (result == RespParser.NEED_MORE) {
                return;
            } else {
                out.raw(parser.error());
                conn.closing = true;
                if (log.enabled(Log.VERBOSE)) {
                    log.verbose("Protocol error from client id=" + conn.client.id() + ", closing it");
                }
                return;
            }
        }
    }

    /**
     * As Redis, a blocked client's socket is still read, into its query buffer, but nothing in it runs until
     * the blocking command has its answer (see {@link #runUnblocked}). The buffer doubles when full, up to
     * the query buffer limit, so a client that keeps sending is neither ignored nor spun on.
     */
    private void readWhileBlocked(Connection conn) {
        ByteBuffer in = conn.input;
        if (in == null) {
            in = sharedInput;
            in.clear();
        } else if (!in.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(PartialRequestSizing.grown(in.capacity(), in.position(), 0));
            in.flip();
            bigger.put(in);
            conn.input = bigger;
            in = bigger;
        }
        int n;
        try {
            n = io.read(conn.channel, in, READ_BUFFER); // nothing read here runs before the client is woken
        } catch (IOException e) {
            close(conn);
            return;
        }
        if (n < 0) {
            close(conn);
            return;
        }
        if (n == 0) {
            return;
        }
        state.totalNetInputBytes += n;
        conn.lastInteraction = state.clock.millis();
        if (in == sharedInput) {
            in.flip();
            ByteBuffer own = ByteBuffer.allocate(PartialRequestSizing.initial(n, 0));
            own.put(in);
            conn.input = own;
        }
        if (conn.input.position() > limits.queryBufferLimit) {
            log.warning("Closing client that reached max query buffer length: id=" + conn.client.id()
                    + " qbuf=" + conn.input.position());
            close(conn);
        }
    }

    /** A blocked connection got its answer: its waiting requests run before the loop sleeps. */
    void reprocessSoon(Connection conn) {
        if (!conn.closed && !conn.closeAsap) {
            unblocked.add(conn);
        }
    }

    /** Redis's processUnblockedClients: runs what each woken connection sent while it was blocked. */
    private void runUnblocked() {
        Connection conn;
        while ((conn = unblocked.poll()) != null) {
            if (!conn.closed && conn.client.closeAfterReply()) {
                closeAfterPending(conn); // unblocked to be let go (a replica's disconnectAllBlockedClients)
                continue;
            }
            if (conn.closed || conn.closeAsap || conn.client.isBlocked() || conn.input == null
                    || conn.input.position() == 0) {
                continue;
            }
            runBuffered(conn);
            state.blocking.serveReady();
        }
    }

    /** Closes a connection once its queued replies are sent, reading nothing more from it. */
    private void closeAfterPending(Connection conn) {
        conn.closing = true;
        conn.input = null;
        if (conn.pending == null) {
            close(conn);
        } else {
            conn.key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    /**
     * Keeps the unparsed tail of a read (a request that arrived in part) in the connection's own buffer,
     * sized for what the parser knows it still needs, so that a large bulk is read straight into place.
     */
    private void keepPartial(Connection conn, ByteBuffer in) {
        int left = in.remaining();
        long needed = conn.parser.bytesNeeded();
        if (in == sharedInput) {
            if (left > 0) {
                ByteBuffer own = ByteBuffer.allocate(PartialRequestSizing.initial(left, needed));
                own.put(in);
                conn.input = own;
            }
            return;
        }
        if (left == 0) {
            conn.input = null; // idle again: give the buffer back
            return;
        }
        if (in.position() > 0) {
            in.compact();
        } else {
            // Already at the start: compact would copy the whole partial request onto itself.
            in.position(in.limit());
            in.limit(in.capacity());
        }
        int grown = PartialRequestSizing.grown(in.capacity(), in.position(), needed);
        if (grown > 0) {
            ByteBuffer bigger = ByteBuffer.allocate(grown);
            in.flip();
            bigger.put(in);
            conn.input = bigger;
        }
    }

    /** Sends what {@link #out} holds for this connection, keeping what the socket will not take yet. */
    private void flush(Connection conn) {
        if (conn.outbox != null && conn.outbox.position() > 0 && out.size() > 0) {
            writeOutbox(conn); // what was queued for a replica earlier in the turn goes before its replies
        }
        if (out.size() > 0) {
            state.aof.beforeReplies(); // appendfsync always: the writes are on disk before any reply says so
            // Taken before the write: a client that has its reply must never see a later time stamped here.
            long now = state.clock.millis();
            conn.lastInteraction = now;
            state.totalNetOutputBytes += out.size();
            ByteBuffer replies = out.flip();
            if (conn.pending == null) {
                try {
                    io.write(conn.channel, replies);
                } catch (IOException e) {
                    out.reset();
                    close(conn);
                    return;
                }
            }
            if (replies.hasRemaining()) {
                appendPending(conn, replies); // behind anything still unsent, to keep replies in order
            }
            out.reset();
            out.trim(4 * 1024 * 1024, REPLY_BUFFER);
            if (conn.pending != null) {
                writePending(conn);
            }
            long unsent = conn.pending == null ? 0 : conn.pending.remaining();
            if (limits.outputExceeded(conn, unsent, now)) {
                log.warning("Client id=" + conn.client.id()
                        + " closed for overcoming of output buffer limits.");
                close(conn);
                return;
            }
        }
        if (conn.closed) {
            return;
        }
        if (conn.pending != null) {
            // Stop reading from a client we are closing; otherwise read on while waiting to write.
            conn.key.interestOps(conn.closing ? SelectionKey.OP_WRITE : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else if (conn.closing) {
            close(conn);
        }
    }

    private static void appendPending(Connection conn, ByteBuffer replies) {
        ByteBuffer pending = conn.pending;
        if (pending == null) {
            pending = ByteBuffer.allocate(Math.max(replies.remaining(), PENDING_MIN));
        } else {
            pending.compact();
            if (pending.remaining() < replies.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(
                        (int) Math.min(Math.max(2L * pending.capacity(), (long) pending.position() + replies.remaining()),
                                Integer.MAX_VALUE - 8));
                pending.flip();
                bigger.put(pending);
                pending = bigger;
            }
        }
        pending.put(replies);
        pending.flip();
        conn.pending = pending;
    }

    private void writePending(Connection conn) {
        ByteBuffer pending = conn.pending;
        if (pending == null) {
            conn.key.interestOps(SelectionKey.OP_READ);
            return;
        }
        try {
            io.write(conn.channel, pending);
        } catch (IOException e) {
            close(conn);
            return;
        }
        if (!pending.hasRemaining()) {
            conn.pending = null;
            if (conn.closing) {
                close(conn);
            } else {
                conn.key.interestOps(SelectionKey.OP_READ);
            }
        }
    }

    private void close(Connection conn) {
        if (conn.closed) {
            return;
        }
        conn.closed = true;
        conn.input = null;
        conn.pending = null;
        conn.key.cancel();
        closeQuietly(conn.channel);
        state.connectedClients--;
        connections.remove(conn.client.id());
        fds.clear(conn.fd);
        conn.client.disconnected();
        if (conn.client.isMaster() && !closingMaster && !stopping && !state.shutdownRequested) {
            masterSocket.masterClosed(conn, conn.client.db());
        }
    }

    /**
     * The replica link's socket finished its handshake: it becomes the connection of the master's client,
     * which runs what the master sends, starting with {@code rest} (write mode), the bytes read with the end
     * of the handshake.
     */
    Connection adoptMaster(SocketChannel channel, SelectionKey key, ByteBuffer rest, int db) {
        Client client = new Client(nextClientId++, state);
        client.peers(peers);
        client.markMaster();
        client.select(db);
        Connection conn = new Connection(channel, key, client);
        conn.lastInteraction = state.clock.millis();
        key.attach(conn);
        key.interestOps(SelectionKey.OP_READ);
        attach(conn);
        state.connectedClients++;
        if (rest.position() > 0) {
            state.replicaLink.streamRead(rest.position());
            conn.input = rest;
            rest.flip();
            process(conn, rest);
        }
        return conn;
    }

    /** The replica link drops its master's connection itself. */
    void closeMaster(Connection conn) {
        closingMaster = true;
        try {
            close(conn);
        } finally {
            closingMaster = false;
        }
    }

    /** Bytes read on the master's socket before it became a client connection. */
    void countInput(int n) {
        state.totalNetInputBytes += n;
    }

    /** An ACK to the master: straight to its socket, never among the replies its commands (do not) get. */
    void pushToMaster(Connection conn, byte[] bytes) {
        if (!conn.closed && !conn.closeAsap) {
            send(conn, bytes, 0, bytes.length);
        }
    }

    /** Registers an accepted connection for CLIENT LIST and gives its client a link to the socket. */
    private void attach(Connection conn) {
        conn.fd = fds.nextClearBit(FIRST_FD);
        fds.set(conn.fd);
        conn.client.link(new ConnectionLink(conn, this, address(conn.channel, true), address(conn.channel, false)));
        connections.put(conn.client.id(), conn);
    }

    private static String address(SocketChannel channel, boolean remote) {
        try {
            java.net.InetSocketAddress a = (java.net.InetSocketAddress)
                    (remote ? channel.getRemoteAddress() : channel.getLocalAddress());
            return a.getAddress().getHostAddress() + ":" + a.getPort();
        } catch (IOException | RuntimeException e) {
            return "?:0";
        }
    }

    /**
     * Queues bytes for a connection other than through its own replies (a pub/sub message): straight to
     * the socket if nothing is waiting, else behind what is; a client whose backlog passes its output
     * buffer limit is closed at the end of the turn, without slowing the sender or anyone else.
     */
    void push(Connection conn, byte[] frame) {
        push(conn, frame, 0, frame.length);
    }

    /** As {@link #push(Connection, byte[])} for part of an array the caller reuses: unsent bytes are copied. */
    void push(Connection conn, byte[] frame, int off, int len) {
        if (conn.closed || conn.closeAsap) {
            return;
        }
        if (conn.client.isReplica()) {
            queueForReplica(conn, frame, off, len);
            return;
        }
        if (conn == current) {
            out.raw(frame, off, len); // in order with the replies being written for it
            return;
        }
        send(conn, frame, off, len);
    }

    /**
     * The replication stream: a pipeline of 16 writes would otherwise cost every replica 16 writes to its
     * socket. The bytes wait in the connection's outbox until the end of the turn; the buffer is kept for the
     * next turn, so a replica under a steady load costs no allocation.
     */
    private void queueForReplica(Connection conn, byte[] frame, int off, int len) {
        ByteBuffer box = conn.outbox;
        if (len >= PENDING_MIN && conn != current && (box == null || box.position() == 0)) {
            // A full sync's snapshot chunk: nothing queued is ahead of it, so it goes out as it is, without
            // growing the outbox past the size it keeps (which made a megabyte of garbage every turn).
            send(conn, frame, off, len);
            return;
        }
        if (box == null) {
            box = conn.outbox = ByteBuffer.allocate(Math.max(PENDING_MIN, len));
        } else if (box.remaining() < len) {
            ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(
                    Math.max(2L * box.capacity(), (long) box.position() + len), Integer.MAX_VALUE - 8));
            box.flip();
            bigger.put(box);
            box = conn.outbox = bigger;
        }
        box.put(frame, off, len);
        state.totalNetOutputBytes += len;
        if (!conn.outboxQueued) {
            conn.outboxQueued = true;
            outboxes.add(conn);
        }
    }

    /** The end of a turn: every replica's queued stream goes out, behind whatever it still has unsent. */
    private void writeOutboxes() {
        if (outboxes.isEmpty()) {
            return;
        }
        state.aof.beforeReplies(); // the AOF first, as for messages: the stream tells of writes
        for (Connection conn : outboxes) {
            conn.outboxQueued = false;
            writeOutbox(conn);
        }
        outboxes.clear();
        closeScheduled();
    }

    private void writeOutbox(Connection conn) {
        ByteBuffer box = conn.outbox;
        if (box == null || box.position() == 0) {
            return;
        }
        if (conn.closed || conn.closeAsap) {
            conn.outbox = null;
            return;
        }
        box.flip();
        if (conn.pending == null) {
            try {
                io.write(conn.channel, box);
            } catch (IOException e) {
                conn.outbox = null;
                closeAsap(conn);
                return;
            }
        }
        if (box.hasRemaining()) {
            appendPending(conn, box);
            if (limits.outputExceeded(conn, conn.pending.remaining(), state.clock.millis())) {
                log.verbose("Client id=" + conn.client.id() + " closed for overcoming of output buffer limits.");
                conn.outbox = null;
                closeAsap(conn);
                return;
            }
            conn.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
        box.clear();
        if (box.capacity() > REPLY_BUFFER) {
            conn.outbox = null; // a burst's buffer is not kept
        }
    }

    private void send(Connection conn, byte[] frame, int off, int len) {
        state.aof.beforeReplies(); // a message may tell of a write (keyspace events): the write goes first
        state.totalNetOutputBytes += len;
        ByteBuffer bytes = ByteBuffer.wrap(frame, off, len);
        if (conn.pending == null) {
            try {
                io.write(conn.channel, bytes);
            } catch (IOException e) {
                closeAsap(conn);
                return;
            }
            if (!bytes.hasRemaining()) {
                return;
            }
        }
        appendPending(conn, bytes);
        if (limits.outputExceeded(conn, conn.pending.remaining(), state.clock.millis())) {
            log.verbose("Client id=" + conn.client.id() + " closed for overcoming of output buffer limits.");
            closeAsap(conn);
            return;
        }
        conn.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    /** Closes a connection at the end of the current turn (CLIENT KILL, output limits), dropping its output. */
    void closeAsap(Connection conn) {
        if (!conn.closeAsap && !conn.closed) {
            conn.client.abandonBlocking(); // at once: nothing may be served to a client being closed
            conn.closeAsap = true;
            conn.pending = null;
            toClose.add(conn);
        }
    }

    private void closeScheduled() {
        if (toClose.isEmpty()) {
            return;
        }
        for (Connection conn : toClose) {
            close(conn);
        }
        toClose.clear();
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection) {
                close((Connection) key.attachment());
            }
        }
        for (ServerSocketChannel listener : listeners) {
            closeQuietly(listener);
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.warning("Closing selector: " + e.getMessage());
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that will not close
        }
    }
}
