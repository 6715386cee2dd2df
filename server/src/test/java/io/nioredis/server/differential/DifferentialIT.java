package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;
import io.nioredis.server.ExternalTools;

import io.nioredis.server.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Sends the same seeded random command sequences to a real redis-server and to nioredis and requires the
 * same replies (see {@link Match} for where Redis leaves the order or the choice open). It first checks
 * that the redis-server it talks to is 7.0.x, and fails otherwise. It generates every command of the
 * command table but those {@link Excluded} names with their reasons. Needs {@code redis-server} on the
 * PATH (see {@link ExternalTools}).
 *
 * <p>System properties: {@code diff.seed} (seed of the first sequence; sequence i uses seed + i),
 * {@code diff.millis} (time budget, default 25000), {@code diff.length} (commands per sequence, default
 * 120), {@code diff.skip} (comma-separated commands not to generate, e.g. to look past a known mismatch).
 * A failure prints the seed and a shrunk sequence with both replies to its last command.
 */
class DifferentialIT {
    private static final int MAX_REPORTED = 10;

    /** The first seed CI plays; its sequences ran clean for more than twice CI's time budget. */
    private static final long CI_SEED = 20261130L;

    @Test
    void nioredisRepliesAsRedisDoes() throws Exception {
        ExternalTools.program("redis-server");
        // CI plays a fixed series of sequences, so a run fails only when nioredis changed; a developer's run
        // explores new seeds every time (-Ddiff.seed picks one).
        long defaultSeed = "true".equals(System.getenv("CI")) ? CI_SEED : new Random().nextLong() & 0xffff_ffffL;
        long seed = Long.getLong("diff.seed", defaultSeed);
        long budget = Long.getLong("diff.millis", 25_000L);
        int length = Integer.getInteger("diff.length", 120);
        Set<String> skip = new HashSet<>(Arrays.asList(
                System.getProperty("diff.skip", "").toLowerCase(Locale.ROOT).split(",")));
        long end = System.currentTimeMillis() + budget;

        try (RedisServerProcess redisServer = RedisServerProcess.start();
             TestServer nioServer = TestServer.start();
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            String version = redisVersion(redis);
            assertThat(version).as("the differential test compares with Redis 7.0.x; redis-server on the PATH is "
                    + version).startsWith("7.0.");
            Set<String> available = DifferentialCoverageTest.tableNames();
            available.removeAll(Excluded.REASONS.keySet());
            available.removeAll(Excluded.KNOWN_DIFFERENCES.keySet());
            available.removeAll(skip);
            String only = System.getProperty("diff.only", "");
            if (!only.isEmpty()) {
                available.retainAll(Arrays.asList(only.toLowerCase(Locale.ROOT).split(",")));
            }
            DifferentialRunner runner = new DifferentialRunner(redis, nioredis);
            Map<String, String> failures = new LinkedHashMap<>();
            Set<String> generated = new TreeSet<>();
            long sequences = 0;
            long commands = 0;
            while (System.currentTimeMillis() < end && failures.size() < MAX_REPORTED) {
                long sequenceSeed = seed + sequences;
                CommandGenerator generator = new CommandGenerator(new Random(sequenceSeed), available);
                List<Step> steps = new ArrayList<>();
                while (steps.size() < length) {
                    for (Step step : generator.nextBlock()) {
                        steps.add(step);
                        generated.add(step.name());
                    }
                }
                sequences++;
                commands += steps.size();
                DifferentialRunner.Mismatch mismatch = runner.run(steps);
                if (mismatch == null) {
                    continue;
                }
                String command = steps.get(mismatch.index).name();
                if (failures.containsKey(command)) {
                    continue; // already reported; keep looking for mismatches in other commands
                }
                List<Step> shortest = runner.shrink(steps, mismatch, 10_000);
                DifferentialRunner.Mismatch last = runner.run(shortest);
                failures.put(command, report(sequenceSeed, shortest, last == null ? mismatch : last));
            }
            System.out.printf("differential: first seed %d, %d sequences, %d commands, %d command names: %s%n",
                    seed, sequences, commands, generated.size(), generated);
            assertThat(failures.values()).as("replies that differ from Redis").isEmpty();
        }
    }

    /** redis_version from INFO server. */
    private static String redisVersion(RespConnection c) throws Exception {
        for (String line : c.call("INFO", "server").text().split("\r\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length());
            }
        }
        return "unknown (no redis_version in INFO server)";
    }

    private static String report(long seed, List<Step> steps, DifferentialRunner.Mismatch m) {
        StringBuilder b = new StringBuilder();
        b.append("\nMismatch (reproduce with -Ddiff.seed=").append(seed).append(") after FLUSHALL:\n");
        for (int i = 0; i < steps.size(); i++) {
            b.append(i == steps.size() - 1 ? "  >> " : "     ").append(steps.get(i)).append('\n');
        }
        b.append("  redis:    ").append(m.redis.shown).append('\n');
        b.append("  nioredis: ").append(m.nioredis.shown).append('\n');
        return b.toString();
    }
}
