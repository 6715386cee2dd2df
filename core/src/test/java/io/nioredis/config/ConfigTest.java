package io.nioredis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private final Config config = new Config();

    @Test
    void defaultsAsRedis() {
        assertThat(config.get("port")).isEqualTo("6379");
        assertThat(config.get("bind")).isEqualTo("127.0.0.1 -::1");
        assertThat(config.get("save")).isEmpty();
        assertThat(config.get("appendonly")).isEqualTo("no");
        assertThat(config.getLong("proto-max-bulk-len")).isEqualTo(512L * 1024 * 1024);
        assertThat(config.get("nosuch")).isNull();
    }

    @Test
    void validatesWithRedisMessages() {
        assertThat(config.set("port", "abc")).isEqualTo("argument couldn't be parsed into an integer");
        assertThat(config.set("port", "70000")).isEqualTo("argument must be between 0 and 65535 inclusive");
        assertThat(config.set("loglevel", "loud"))
                .isEqualTo("argument(s) must be one of the following: debug, verbose, notice, warning");
        assertThat(config.set("appendonly", "maybe")).isEqualTo("argument must be 'yes' or 'no'");
        assertThat(config.set("nosuch", "1")).isEqualTo("Bad directive or wrong number of arguments");
        assertThat(config.set("LogLevel", "WARNING")).isNull();
        assertThat(config.get("loglevel")).isEqualTo("warning");
    }

    @Test
    void memoryUnitsAsRedisMemtoull() {
        assertThat(Config.parseMemory("100")).isEqualTo(100);
        assertThat(Config.parseMemory("1k")).isEqualTo(1000);
        assertThat(Config.parseMemory("1kb")).isEqualTo(1024);
        assertThat(Config.parseMemory("2GB")).isEqualTo(2L << 30);
        assertThat(Config.parseMemory("512mb")).isEqualTo(512L << 20);
        assertThat(Config.parseMemory("1x")).isEqualTo(-1);
        assertThat(Config.parseMemory("-1")).isEqualTo(-1);
        assertThat(config.set("maxmemory", "1gb")).isNull();
        assertThat(config.get("maxmemory")).isEqualTo(Long.toString(1L << 30));
    }

    @Test
    void validatorRefusesWithItsReasonAndLeavesTheValue() {
        config.addValidator("maxclients", value -> Long.parseLong(value) > 100 ? "too many" : null);
        assertThat(config.set("maxclients", "101")).isEqualTo("too many");
        assertThat(config.get("maxclients")).isEqualTo("10000");
        assertThat(config.set("maxclients", "100")).isNull();
        assertThat(config.get("maxclients")).isEqualTo("100");
    }

    @Test
    void globSelectsParameters() {
        assertThat(config.matching("*memory*".getBytes(StandardCharsets.US_ASCII)))
                .extracting(p -> p[0]).containsExactly("maxmemory", "maxmemory-policy", "maxmemory-samples");
        assertThat(config.matching("PORT".getBytes(StandardCharsets.US_ASCII))).hasSize(1);
    }
}
