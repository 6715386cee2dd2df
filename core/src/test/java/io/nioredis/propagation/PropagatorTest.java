package io.nioredis.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PropagatorTest {
    private final Propagator propagator = new Propagator();
    private final RecordingSink sink = new RecordingSink();

    private static byte[][] cmd(String... words) {
        byte[][] argv = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            argv[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        return argv;
    }

    @Test
    void withoutASinkItIsInactive() {
        assertThat(propagator.active()).isFalse();
        propagator.attach(sink);
        assertThat(propagator.active()).isTrue();
        propagator.detach(sink);
        assertThat(propagator.active()).isFalse();
    }

    @Test
    void oneCommandGoesOutAloneAndSeveralInMultiExec() {
        propagator.attach(sink);
        propagator.enterCall();
        propagator.also(0, cmd("set", "a", "1"));
        propagator.exitCall();
        propagator.enterCall();
        propagator.enterCall();
        propagator.also(0, cmd("set", "b", "1"));
        propagator.exitCall();
        assertThat(sink.stream).containsExactly("SELECT 0", "set a 1");
        propagator.also(0, cmd("set", "c", "1"));
        propagator.exitCall();
        assertThat(sink.take()).containsExactly("SELECT 0", "set a 1", "MULTI", "set b 1", "set c 1", "EXEC");
        assertThat(sink.units).isEqualTo(2);
    }

    @Test
    void aUnitSpanningDatabasesSelectsWhereItChangesAsRedisWritesIt() {
        propagator.attach(sink);
        propagator.enterCall();
        propagator.also(1, cmd("DEL", "k"));
        propagator.also(0, cmd("copy", "a", "k", "db", "1"));
        propagator.also(0, cmd("set", "x", "1"));
        propagator.exitCall();
        assertThat(sink.take()).containsExactly("SELECT 1", "MULTI", "DEL k", "SELECT 0", "copy a k db 1", "set x 1",
                "EXEC");
        assertThat(sink.units).isEqualTo(2);
    }

    @Test
    void effectsOutsideACallAreUnitsOfTheirOwn() {
        propagator.attach(sink);
        propagator.also(2, cmd("DEL", "a"));
        propagator.alone(2, cmd("DEL", "b"));
        assertThat(sink.take()).containsExactly("SELECT 2", "DEL a", "DEL b");
        assertThat(sink.units).isEqualTo(2);
    }

    @Test
    void anEmptyUnitSendsNothing() {
        propagator.attach(sink);
        propagator.enterCall();
        propagator.exitCall();
        assertThat(sink.units).isZero();
        assertThat(propagator.inCall()).isFalse();
    }

    /** A sink that receives the replication-only commands too, as the replication stream does. */
    private static final class ReplicaSink implements PropagationSink {
        final RecordingSink recorded = new RecordingSink();

        @Override
        public void propagate(int db, java.util.List<byte[][]> commands) {
            recorded.propagate(db, commands);
        }

        @Override
        public boolean receivesReplicationOnly() {
            return true;
        }
    }

    @Test
    void publishReachesOnlyTheSinksThatTakeReplicationOnlyCommands() {
        ReplicaSink replicas = new ReplicaSink();
        propagator.attach(sink);
        propagator.attach(replicas);
        propagator.enterCall();
        propagator.alsoToReplicas(0, cmd("publish", "ch", "m"));
        propagator.exitCall();
        assertThat(sink.take()).isEmpty();
        assertThat(replicas.recorded.take()).containsExactly("SELECT 0", "publish ch m");
        propagator.enterCall();
        propagator.also(0, cmd("set", "a", "1"));
        propagator.alsoToReplicas(0, cmd("publish", "ch", "m"));
        propagator.exitCall();
        // Redis 7.0 counts the PUBLISH when it decides to wrap the unit, for the AOF too.
        assertThat(sink.take()).containsExactly("SELECT 0", "MULTI", "set a 1", "EXEC");
        assertThat(replicas.recorded.take()).containsExactly("MULTI", "set a 1", "publish ch m", "EXEC");
        propagator.alsoToReplicas(2, cmd("publish", "ch", "m")); // outside a call
        assertThat(sink.take()).isEmpty();
        assertThat(replicas.recorded.take()).containsExactly("SELECT 2", "publish ch m");
    }

    @Test
    void targetsNameTheSinksACommandGoesToAndAWrappedUnitReachesEverySink() {
        ReplicaSink replicas = new ReplicaSink();
        propagator.attach(sink);
        propagator.attach(replicas);
        propagator.enterCall();
        propagator.also(0, cmd("set", "a", "1"), Propagator.TO_AOF);
        propagator.also(0, cmd("set", "b", "1"), Propagator.TO_REPLICAS);
        propagator.exitCall();
        assertThat(sink.take()).containsExactly("SELECT 0", "MULTI", "set a 1", "EXEC");
        assertThat(replicas.recorded.take()).containsExactly("SELECT 0", "MULTI", "set b 1", "EXEC");
        // As Redis 7.0: a unit of two commands that both go to replicas still sends MULTI/EXEC to the AOF.
        propagator.enterCall();
        propagator.also(1, cmd("set", "c", "1"), Propagator.TO_REPLICAS);
        propagator.alsoToReplicas(1, cmd("publish", "ch", "m"));
        propagator.exitCall();
        assertThat(sink.take()).containsExactly("SELECT 1", "MULTI", "EXEC");
        assertThat(replicas.recorded.take()).containsExactly("SELECT 1", "MULTI", "set c 1", "publish ch m", "EXEC");
        // A command sent nowhere is not counted; MULTI goes in the first command's database, EXEC in the last's.
        propagator.enterCall();
        propagator.also(0, cmd("set", "x", "1"), 0);
        propagator.also(2, cmd("set", "d", "1"), Propagator.TO_REPLICAS);
        propagator.also(0, cmd("set", "e", "1"), Propagator.TO_ALL);
        propagator.exitCall();
        assertThat(sink.take()).containsExactly("SELECT 2", "MULTI", "SELECT 0", "set e 1", "EXEC");
        assertThat(replicas.recorded.take()).containsExactly("SELECT 2", "MULTI", "set d 1", "SELECT 0", "set e 1",
                "EXEC");
        propagator.also(3, cmd("set", "f", "1"), Propagator.TO_AOF); // outside a call
        assertThat(sink.take()).containsExactly("SELECT 3", "set f 1");
        assertThat(replicas.recorded.take()).isEmpty();
    }
}
