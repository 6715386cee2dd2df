package io.nioredis.propagation;

import java.util.ArrayList;
import java.util.List;

/**
 * Fans the propagated effects of write commands out to the sinks that want them. With no sink attached
 * (no AOF, no replica) nothing is built at all: callers check {@link #active()} first, so a write costs
 * nothing extra.
 */
public final class Propagator {
    private final List<PropagationSink> sinks = new ArrayList<>();

    public boolean active() {
        return !sinks.isEmpty();
    }

    public void attach(PropagationSink sink) {
        sinks.add(sink);
    }

    public void detach(PropagationSink sink) {
        sinks.remove(sink);
    }

    /** Hands one unit to every sink; see {@link PropagationSink#propagate}. */
    public void propagate(int db, List<byte[][]> commands) {
        for (int i = 0; i < sinks.size(); i++) {
            sinks.get(i).propagate(db, commands);
        }
    }
}
