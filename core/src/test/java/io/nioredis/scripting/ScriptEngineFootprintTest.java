package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Prints rough figures for ENGINE.md: time to the first script (engine load, in a JVM where no other test
 * created an engine yet only when run alone), heap held by an idle engine, and EVALSHA-style throughput of
 * a one-GET script with a trivial host. Nothing is asserted about time.
 */
class ScriptEngineFootprintTest {

    @Test
    void measure() {
        long t0 = System.nanoTime();
        ScriptEngine engine = ScriptEngine.create();
        CompiledScript script = engine.compile("return redis.call('GET', KEYS[1])".getBytes(StandardCharsets.UTF_8));
        byte[][] keys = {"k".getBytes(StandardCharsets.UTF_8)};
        byte[][] none = new byte[0][];
        ScriptHost host = new ScriptHost() {
            final ScriptReply value = new ScriptReply.Bulk("v".getBytes(StandardCharsets.UTF_8));

            @Override
            public ScriptReply call(boolean raiseErrors, byte[][] argv) {
                return value;
            }

            @Override
            public void log(int level, byte[] message) {}
        };
        ScriptReply first = engine.eval(script, keys, none, host);
        long firstMicros = (System.nanoTime() - t0) / 1000;
        assertThat(first).isInstanceOf(ScriptReply.Bulk.class);

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        ScriptEngine[] idle = new ScriptEngine[5];
        for (int i = 0; i < idle.length; i++) {
            idle[i] = ScriptEngine.create();
        }
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        long perEngine = (after - before) / idle.length;

        int n = 200_000;
        for (int i = 0; i < n; i++) {
            engine.eval(script, keys, none, host);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.eval(script, keys, none, host);
        }
        double perSecond = n / ((System.nanoTime() - t1) / 1e9);
        System.out.printf("scripting: first script %d us, idle engine ~%d KiB heap, %.0f evals/s of GET%n",
                firstMicros, perEngine / 1024, perSecond);
        assertThat(idle[0]).isNotNull();
    }
}
