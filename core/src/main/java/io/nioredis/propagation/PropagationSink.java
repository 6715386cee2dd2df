package io.nioredis.propagation;

import java.util.List;

/**
 * Where the effects of write commands go, in Redis's propagated form: the append-only file and (later) the
 * replication stream. Each receives the same units and keeps its own idea of the selected database, as
 * Redis's AOF and replication stream each emit their own SELECT.
 */
public interface PropagationSink {
    /**
     * One atomic unit of effects, on the loop thread, after the command that made them ran and before its
     * reply can reach the client: the commands of one write command, or of a transaction or script already
     * wrapped in MULTI ... EXEC, all against database {@code db}. Each command is its argument vector; the
     * arrays are the sink's to keep.
     */
    void propagate(int db, List<byte[][]> commands);

    /**
     * Whether this sink also receives the commands only replicas get (PUBLISH): the replication stream does,
     * the AOF does not. A unit holding such commands reaches the others without them.
     */
    default boolean receivesReplicationOnly() {
        return false;
    }
}
