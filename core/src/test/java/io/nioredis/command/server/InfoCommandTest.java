package io.nioredis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INFO's choice of sections and its computed fields, against Redis 7.0.15's output for the same requests. */
class InfoCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void choosesSectionsAsRedis() {
        List<String> defaults = List.of("# Server", "# Clients", "# Memory", "# Persistence", "# Stats",
                "# Replication", "# CPU", "# Modules", "# Errorstats", "# Cluster", "# Keyspace");
        List<String> all = List.of("# Server", "# Clients", "# Memory", "# Persistence", "# Stats",
                "# Replication", "# CPU", "# Modules", "# Commandstats", "# Errorstats", "# Latencystats",
                "# Cluster", "# Keyspace");
        assertThat(headers("INFO")).isEqualTo(defaults);
        assertThat(headers("INFO", "default")).isEqualTo(defaults);
        assertThat(headers("INFO", "all")).isEqualTo(all);
        assertThat(headers("INFO", "everything")).isEqualTo(all);
        assertThat(headers("INFO", "CLIENTS", "server")).containsExactly("# Server", "# Clients");
        assertThat(headers("INFO", "commandstats")).containsExactly("# Commandstats");
        assertThat(headers("INFO", "module_list")).containsExactly("# Modules");
        assertThat(headers("INFO", "modules")).containsExactly("# Modules");
        assertThat(h.run("INFO", "bogus")).isEqualTo("$0\r\n\r\n");
    }

    @Test
    void commandstatsCountSubcommandsUnderTheirFullName() {
        h.run("SET", "k", "v");
        h.run("CONFIG", "GET", "maxmemory");
        h.run("INCR", "k");
        h.run("GET");
        String stats = info("commandstats");
        assertThat(stats).containsPattern("cmdstat_set:calls=1,usec=\\d+,usec_per_call=\\d+\\.\\d\\d,"
                + "rejected_calls=0,failed_calls=0\r\n");
        assertThat(stats).contains("cmdstat_config|get:calls=1,");
        assertThat(stats).doesNotContain("cmdstat_config:");
        assertThat(stats).containsPattern("cmdstat_incr:calls=1,.*,rejected_calls=0,failed_calls=1\r\n");
        assertThat(stats).containsPattern("cmdstat_get:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,"
                + "failed_calls=0\r\n");
    }

    @Test
    void errorstatsAndTotalErrorReplies() {
        h.run("SET", "k", "v");
        h.run("LPUSH", "k", "x");
        h.run("INCR", "k");
        h.run("NOSUCHCOMMAND");
        assertThat(info("errorstats")).isEqualTo("# Errorstats\r\nerrorstat_ERR:count=2\r\n"
                + "errorstat_WRONGTYPE:count=1\r\n");
        assertThat(info("stats")).contains("total_error_replies:3\r\n");
    }

    @Test
    void statsCountCommandsHitsAndMisses() {
        h.run("SET", "k", "v");
        h.run("GET", "k");
        h.run("GET", "nokey");
        h.run("EXISTS", "k");
        String stats = info("stats");
        assertThat(stats).contains("total_commands_processed:4\r\n");
        assertThat(stats).contains("keyspace_hits:2\r\n", "keyspace_misses:1\r\n");
    }

    @Test
    void instantaneousOpsAreSampledOnTheTick() {
        for (int tick = 0; tick < 16; tick++) {
            for (int i = 0; i < 10; i++) {
                h.run("PING");
            }
            h.clock.advance(100);
            h.state.cron(h.clock.millis());
        }
        assertThat(info("stats")).contains("instantaneous_ops_per_sec:100\r\n");
    }

    @Test
    void avgTtlIsEstimatedFromSampledDeadlines() {
        for (int i = 0; i < 50; i++) {
            h.run("SET", "k" + i, "v", "PX", "100000");
        }
        h.run("SET", "persistent", "v");
        assertThat(info("keyspace")).contains("db0:keys=51,expires=50,avg_ttl=0\r\n");
        h.state.cron(h.clock.millis());
        assertThat(info("keyspace")).contains("db0:keys=51,expires=50,avg_ttl=100000\r\n"); // the first estimate
        h.clock.advance(10_000);
        h.state.cron(h.clock.millis());
        // 98% of the old estimate, 2% of the new sample: 100000 / 50 * 49 + 90000 / 50
        assertThat(info("keyspace")).contains("db0:keys=51,expires=50,avg_ttl=99800\r\n");
        h.run("FLUSHDB");
        h.run("SET", "k", "v");
        assertThat(info("keyspace")).contains("avg_ttl=0\r\n");
    }

    @Test
    void serverMemoryAndCpuFieldsAreMeasured() {
        String server = info("server");
        assertThat(server).containsPattern("run_id:[0-9a-f]{40}\r\n");
        assertThat(server).contains("lru_clock:" + (h.clock.millis() / 1000 & 0xFFFFFF) + "\r\n");
        String memory = info("memory");
        assertThat(memory).containsPattern("used_memory_peak:\\d+\r\nused_memory_peak_human:[0-9.]+[BKMG]\r\n"
                + "used_memory_peak_perc:\\d+\\.\\d\\d%\r\n");
        String cpu = info("cpu");
        assertThat(cpu).containsPattern("used_cpu_user_main_thread:\\d+\\.\\d{6}\r\n");
        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(cpu).containsPattern("used_cpu_sys:\\d+\\.\\d{6}\r\nused_cpu_user:\\d+\\.\\d{6}\r\n"
                    + "used_cpu_sys_children:\\d+\\.\\d{6}\r\nused_cpu_user_children:\\d+\\.\\d{6}\r\n");
        }
        assertThat(info("all")).doesNotContain("used_cpu_sys:0.000000\r\nused_cpu_user:0.000000");
    }

    @Test
    void peakMemoryStaysAfterTheDataGoes() {
        for (int i = 0; i < 1000; i++) {
            h.run("SET", "k" + i, "x".repeat(100));
        }
        h.state.cron(h.clock.millis());
        long peak = h.state.peakMemory();
        h.run("FLUSHALL");
        assertThat(info("memory")).contains("used_memory_peak:" + peak + "\r\n");
    }

    private String info(String section) {
        String reply = h.run("INFO", section);
        return reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2); // the bulk's header and end
    }

    private List<String> headers(String... command) {
        List<String> found = new ArrayList<>();
        for (String line : h.run(command).split("\r\n")) {
            if (line.startsWith("# ")) {
                found.add(line);
            }
        }
        return found;
    }
}
