package io.nioredis.command;

import io.nioredis.resp.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * A MULTI block being queued: detached copies of the commands, and whether a command was rejected while
 * queuing (EXEC then answers EXECABORT), as Redis's multiState and CLIENT_DIRTY_EXEC.
 */
public final class Transaction {
    final List<CommandSpec> specs = new ArrayList<>();
    final List<Request> requests = new ArrayList<>();
    boolean failed;

    void queue(CommandSpec spec, Request request) {
        specs.add(spec);
        requests.add(request.detach());
    }

    public int size() {
        return specs.size();
    }
}
