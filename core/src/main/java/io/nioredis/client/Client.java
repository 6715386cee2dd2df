package io.nioredis.client;

import io.nioredis.propagation.Propagator;
import io.nioredis.blocking.Waiter;
import io.nioredis.pubsub.Subscriptions;
import io.nioredis.tx.Transaction;

import io.nioredis.pubsub.Subscriber;
import io.nioredis.tx.WatchedKeys;
import io.nioredis.ServerState;
import io.nioredis.resp.Request;
import io.nioredis.store.Keyspace;

/**
 * The state one connection carries between commands: its id, the selected database, and whether the
 * connection is to be closed once the replies written so far have been sent.
 */
public final class Client implements Subscriber, io.nioredis.diagnostics.MonitorSink {
    private final long id;
    private final ServerState server;
    private int db;
    private Keyspace keyspace;
    private boolean closeAfterReply;
    /** As Redis, a client that connects while no password is set counts as authenticated for good. */
    private boolean authenticated;
    private boolean master;

    // Connection features (HELLO, CLIENT, MULTI, SUBSCRIBE); the socket side is behind ClientLink.
    private int protocol = 2;
    private byte[] name;
    private ClientLink link = ClientLink.DETACHED;
    private Transaction transaction;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ClientSettings settings = new ClientSettings();
    private final WatchedKeys watched = new WatchedKeys();
    private ConnectedClients peers = ConnectedClients.NONE;
    /** The full name of the last command run ({@code config|set}), as CLIENT LIST's cmd shows it. */
    private String lastCommand;
    private final long createdMillis;
    private long lastInteractionMillis;
    /** The client scripts run their redis.call commands as (Redis's CLIENT_SCRIPT): never blocks. */
    private boolean script;
    /** The blocking call this client waits in (BLPOP...), or null; it runs nothing else meanwhile. */
    private Waiter blockedIn;
    /** Above 0 while blocking commands must answer at once (inside EXEC, later inside scripts). */
    private int blockingDenied;
    private Transaction runningQueue;
    // Diagnostics: arguments of the running command to hide from SLOWLOG and MONITOR, and MONITOR mode.
    private long redactedArgs;
    private boolean monitoring;
    /** The last request was held by CLIENT PAUSE, not run: the server keeps it and runs it later. */
    private boolean paused;
    /** Cluster mode: ASKING was sent, so the next command may run on a slot this node is importing. */
    private boolean asking;
    /** Cluster mode: READONLY was sent, so reads of the master's slots are served by this replica node. */
    private boolean readonlyCluster;
    /** The AOF replay client: its commands ran once already, so cluster routing never redirects them. */
    private boolean obeyed;
    /** The request being run, for CLIENT LIST's argv-mem; null between commands. */
    private Request running;
    /**
     * What the running command asked to propagate instead of itself (Redis's rewriteClientCommandVector),
     * or null; reset by the dispatcher around every call, and only ever set while a sink listens.
     */
    private byte[][] propagateAs;
    /** The running command's propagation choice: {@link #AS_CHANGED}, {@link #NEVER} or {@link #ALWAYS}. */
    private int propagationMode;
    /**
     * Where this client's commands may propagate, {@link Propagator#TO_ALL} but for the script client after
     * redis.set_repl, as Redis filters a script's calls by its replication flags.
     */
    private int propagationTargets = Propagator.TO_ALL;
    public static final int AS_CHANGED = 0;
    public static final int NEVER = 1;
    public static final int ALWAYS = 2;
    /** Propagated as sent, to replicas only and whatever it changed: PUBLISH (Redis's PROPAGATE_REPL). */
    public static final int REPLICAS_ONLY = 3;

    private io.nioredis.replication.Replica replica;

    public Client(long id, ServerState server) {
        this.id = id;
        this.server = server;
        this.keyspace = server.databases.get(0);
        this.createdMillis = server.clock.millis();
        this.lastInteractionMillis = createdMillis;
        this.authenticated = !server.authenticator.passwordRequired();
    }

    /**
     * The client a server's scripts run commands through: authenticated whatever requirepass says (the
     * caller was), in the caller's database at the start of each script.
     */
    public static Client forScripts(ServerState server) {
        Client c = new Client(0, server);
        c.script = true;
        c.authenticated = true;
        c.denyBlocking(true); // BLPOP and the like answer at once inside scripts, as in Redis
        return c;
    }

    /**
     * The client an AOF's commands are replayed through at start-up (Redis's fake AOF client): authenticated
     * whatever requirepass says, as the file's commands were accepted once already.
     */
    public static Client forAofLoading(ServerState server) {
        Client c = new Client(0, server);
        c.authenticated = true;
        c.obeyed = true;
        return c;
    }

    /**
     * True while the AOF or a replica listens: only then may a command spend anything on describing its
     * effects (a rewritten argument vector, extra commands).
     */
    public boolean propagating() {
        return server.propagation.active();
    }

    /**
     * The running command's effects reach the AOF and replicas as {@code argv} instead of the command as
     * sent, if it changed the dataset (Redis's rewriteClientCommandVector): SET EX as SET PXAT. Call only when
     * {@link #propagating()}; the arrays become the sinks'.
     */
    public void propagateAs(byte[]... argv) {
        propagateAs = argv;
    }

    /**
     * One more command among the running command's effects, before the command's own (Redis's
     * alsoPropagate), against this client's database; e.g. SPOP's SREMs. Call only when {@link #propagating()}.
     */
    public void propagateAlso(byte[]... argv) {
        server.propagation.also(db, argv);
    }

    /**
     * The running command itself is not propagated, whatever it changed (Redis's preventCommandPropagation):
     * scripts, whose commands propagate one by one, and commands that said what they did with
     * {@link #propagateAlso}.
     */
    public void propagateNothing() {
        propagationMode = NEVER;
    }

    /**
     * The running command propagates even if it changed nothing (Redis's forceCommandPropagation): FLUSHALL
     * on an empty server still reaches the AOF.
     */
    public void propagateAlways() {
        propagationMode = ALWAYS;
    }

    /**
     * The running command reaches the replicas as sent but not the AOF (Redis's forceCommandPropagation with
     * PROPAGATE_REPL): PUBLISH and SPUBLISH. Call only when {@link #propagating()}.
     */
    public void propagateToReplicasOnly() {
        propagationMode = REPLICAS_ONLY;
    }

    /** Limits where this client's commands propagate ({@link Propagator#TO_ALL} lifts the limit). */
    public void propagationTargets(int targets) {
        propagationTargets = targets;
    }

    public int propagationTargets() {
        return propagationTargets;
    }

    /** The dispatcher, before a call: no rewrite, propagate if the dataset changes. */
    public void resetPropagation() {
        propagateAs = null;
        propagationMode = AS_CHANGED;
    }

    /** The rewrite the running command asked for, or null to propagate it as sent. */
    public byte[][] propagatedForm() {
        return propagateAs;
    }

    public int propagationMode() {
        return propagationMode;
    }

    /** True for the client of {@link #forScripts}: commands run from a script must not block. */
    public boolean isScript() {
        return script;
    }

    public long id() {
        return id;
    }

    public ServerState server() {
        return server;
    }

    public int db() {
        return db;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public void select(int index) {
        db = index;
        keyspace = server.databases.get(index);
    }

    /** 2 or 3, as negotiated with HELLO. */
    @Override
    public int protocol() {
        return protocol;
    }

    public void protocol(int protocol) {
        this.protocol = protocol;
    }

    /** The name set with CLIENT SETNAME or HELLO SETNAME, or null. */
    public byte[] name() {
        return name;
    }

    public void name(byte[] name) {
        this.name = name;
    }

    /** What the server knows of this client's socket; set by the server when it accepts the connection. */
    public ClientLink link() {
        return link;
    }

    public void link(ClientLink link) {
        this.link = link;
    }

    /**
     * Redis's islocalClient: connected from 127.0.0.1 or ::1 (the address is "ip:port"). A client with no
     * socket is the server's own, so local.
     */
    public boolean isLocal() {
        if (link == null) {
            return true;
        }
        String address = link.address();
        int colon = address.lastIndexOf(':');
        String ip = colon < 0 ? address : address.substring(0, colon);
        return ip.equals("127.0.0.1") || ip.equals("::1");
    }

    /** The open MULTI block, or null. */
    public Transaction transaction() {
        return transaction;
    }

    public void transaction(Transaction transaction) {
        this.transaction = transaction;
    }

    @Override
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** True if the dispatcher must look at MULTI, subscriptions, CLIENT REPLY or MONITOR before running a command. */
    public boolean inSpecialMode() {
        return transaction != null || subscriptions.total() > 0 || settings.replyMode != ClientSettings.REPLY_ON
                || monitoring;
    }

    /**
     * Hides argument {@code arg} of the running command from SLOWLOG and MONITOR, as Redis's
     * redactClientCommandArgument (AUTH and HELLO's credentials).
     */
    public void redactArgument(int arg) {
        if (arg < 64) {
            redactedArgs |= 1L << arg;
        }
    }

    /** Bit i set when argument i of the command just run is to be shown as "(redacted)". */
    public long redactedArgs() {
        return redactedArgs;
    }

    public void clearRedactedArgs() {
        redactedArgs = 0;
    }

    /** True once MONITOR was run on this connection: it receives every command and may not touch keys. */
    public boolean monitoring() {
        return monitoring;
    }

    public void startMonitoring() {
        monitoring = true;
        server.diagnostics.monitors.add(this);
    }

    public boolean asking() {
        return asking;
    }

    public void asking(boolean on) {
        asking = on;
    }

    public boolean readonlyCluster() {
        return readonlyCluster;
    }

    public void readonlyCluster(boolean on) {
        readonlyCluster = on;
    }

    /**
     * Redis's mustObeyClient: commands replayed from the AOF or sent by this replica's master are applied as
     * they are, never redirected by cluster routing.
     */
    public boolean obeyed() {
        return obeyed || isMaster();
    }

    public boolean paused() {
        return paused;
    }

    public void paused(boolean held) {
        paused = held;
    }

    public Request running() {
        return running;
    }

    public void running(Request request) {
        running = request;
    }


    /** The full name of the last command run, or null before the first. */
    public String lastCommand() {
        return lastCommand;
    }

    public void lastCommand(String fullName) {
        lastCommand = fullName;
    }

    /** The keys this client WATCHes. */
    public WatchedKeys watched() {
        return watched;
    }

    /** Every connected client, for CLIENT LIST and KILL; the server module sets it when it accepts. */
    public ConnectedClients peers() {
        return peers;
    }

    public void peers(ConnectedClients peers) {
        this.peers = peers;
    }

    @Override
    public void push(byte[] frame) {
        link.push(frame);
    }

    public long createdMillis() {
        return createdMillis;
    }

    public long lastInteractionMillis() {
        return lastInteractionMillis;
    }

    /** Called by the server whenever the connection sends a request (CLIENT LIST's idle). */
    public void touch(long nowMillis) {
        lastInteractionMillis = nowMillis;
    }

    /** True while the client waits in a blocking command; its further requests wait unread. */
    public boolean isBlocked() {
        return blockedIn != null;
    }

    /** The blocking call it waits in, or null. */
    public Waiter blockedIn() {
        return blockedIn;
    }

    /** A blocking command blocked this client in {@code waiter}, which is in the server's blocked keys. */
    public void blockedIn(Waiter waiter) {
        blockedIn = waiter;
    }

    /**
     * The blocking call ended (served, timed out, CLIENT UNBLOCK) and its reply was sent: the connection
     * may run the requests that arrived meanwhile.
     */
    public void woken() {
        blockedIn = null;
        link.unblocked();
    }

    /**
     * Stops waiting without a reply, as when the connection is closed or killed: the client leaves every
     * queue at once, so nothing is served to it any more.
     */
    public void abandonBlocking() {
        if (blockedIn != null) {
            server.blocking.unblock(blockedIn);
            blockedIn = null;
        }
    }

    /** True if a blocking command must not block now but answer as if it timed out (Redis's CLIENT_DENY_BLOCKING). */
    /**
     * The transaction EXEC is running for this client, or null: Redis keeps CLIENT_MULTI and the queue while
     * EXEC runs it, so CLIENT INFO, ACL LOG's context and the last command still speak of the transaction.
     */
    public Transaction runningQueue() {
        return runningQueue;
    }

    public void runningQueue(Transaction running) {
        runningQueue = running;
    }

    public boolean blockingDenied() {
        return blockingDenied > 0;
    }

    /** Entering ({@code true}) or leaving a context where blocking is denied: EXEC, scripts. Nests. */
    public void denyBlocking(boolean deny) {
        blockingDenied += deny ? 1 : -1;
    }

    /** The connection is gone (or RESET): forget its watches, subscriptions, MONITOR mode and any blocking call. */
    public void disconnected() {
        abandonBlocking();
        if (replica != null) {
            server.replication.detach(replica);
        }
        transaction = null;
        if (monitoring) {
            monitoring = false;
            server.diagnostics.monitors.remove(this);
        }
        server.watches.unwatchAll(watched);
        server.pubsub.forget(this);
    }

    /** True while this client may run only commands flagged {@code no_auth}; Redis's authRequired. */
    public boolean authRequired() {
        return !authenticated && server.authenticator.passwordRequired();
    }

    /**
     * Authenticates as {@code user} with {@code password}, both arguments of the request; a negative
     * {@code userArg} means the default user (AUTH's one-argument form). A failure leaves the client as it
     * was. AUTH uses this, and so can HELLO's {@code AUTH username password} option.
     */
    public boolean authenticate(Request request, int userArg, int passwordArg) {
        io.nioredis.Authenticator auth = server.authenticator;
        byte[] b = request.array();
        boolean ok = userArg < 0
                ? auth.checkPassword(b, request.offset(passwordArg), request.length(passwordArg))
                : auth.check(b, request.offset(userArg), request.length(userArg),
                        request.offset(passwordArg), request.length(passwordArg));
        if (ok) {
            authenticated = true;
        }
        return ok;
    }

    /** What REPLCONF, SYNC and PSYNC made of this client as a replica, or null for an ordinary client. */
    public io.nioredis.replication.Replica replica() {
        return replica;
    }

    public void replica(io.nioredis.replication.Replica replica) {
        this.replica = replica;
    }

    /**
     * Makes this the master's client on a replica (Redis's CLIENT_MASTER): authenticated, its commands pass
     * the gates that stop other clients' writes (read-only replica, maxmemory, min-replicas).
     */
    public void markMaster() {
        master = true;
        authenticated = true;
    }

    public boolean isMaster() {
        return master;
    }

    /** True once this client is an attached replica (CLIENT LIST flag S, type replica). */
    public boolean isReplica() {
        return replica != null && replica.attached();
    }

    public boolean closeAfterReply() {
        return closeAfterReply;
    }

    public void closeAfterReply(boolean close) {
        closeAfterReply = close;
    }
}
