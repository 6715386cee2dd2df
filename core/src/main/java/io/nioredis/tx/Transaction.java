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

    /** Queues a copy of the request; {@code denyOom} if its command is refused when memory is full. */
    public void queue(Request request, boolean denyOom) {
        requests.add(request.detach());
        mayGrowMemory |= denyOom;
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
