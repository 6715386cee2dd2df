package io.nioredis.tx;

import io.nioredis.resp.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * A MULTI block being queued: detached copies of the requests, and whether a command was rejected while
 * queuing (EXEC then answers EXECABORT), as Redis's multiState and CLIENT_DIRTY_EXEC. EXEC looks each
 * command up again, so a transaction knows nothing of the command table.
 */
public final class Transaction {
    private final List<Request> requests = new ArrayList<>();
    private boolean failed;
    private boolean mayGrowMemory;
    private boolean writes;
    private long argumentBytes;

    /**
     * Queues a copy of the request; {@code denyOom} if its command is refused when memory is full,
     * {@code writes} if it writes or may replicate (a write pause then holds EXEC).
     */
    public void queue(Request request, boolean denyOom, boolean writes) {
        requests.add(request.detach());
        mayGrowMemory |= denyOom;
        this.writes |= writes;
        // As Redis's mstate.argv_len_sums: the arguments' bytes and a pointer (8 bytes) for each.
        argumentBytes += 8L * request.argc();
        for (int i = 0; i < request.argc(); i++) {
            argumentBytes += request.length(i);
        }
    }

    /** True if a queued command writes or may replicate, as Redis's mstate.cmd_flags. */
    public boolean writes() {
        return writes;
    }

    /** The memory of the queued arguments as Redis counts it (CLIENT LIST's multi-mem). */
    public long argumentBytes() {
        return argumentBytes;
    }

    /** True if a queued command is flagged denyoom: then EXEC itself is refused while memory is full. */
    public boolean mayGrowMemory() {
        return mayGrowMemory;
    }

    public Request request(int i) {
        return requests.get(i);
    }

    public int size() {
        return requests.size();
    }

    public boolean failed() {
        return failed;
    }

    public void fail() {
        failed = true;
    }
}
