package io.nioredis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    private final Config config = new Config();

    @Test
    void defaultsAsRedis() {
        assertThat(config.get("port")).isEqualTo("6379");
        assertThat(config.get("bind")).isEqualTo("127.0.0.1 -::1");
        assertThat(config.get("save")).isEqualTo("3600 1 300 100 60 10000");
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
                .extracting(p -> p[0])
                .containsExactly("replica-ignore-maxmemory", "slave-ignore-maxmemory", "maxmemory", "maxmemory-policy",
                        "maxmemory-samples", "maxmemory-clients");
        assertThat(config.matching("PORT".getBytes(StandardCharsets.US_ASCII))).hasSize(1);
    }

    @Test
    void aliasesShareTheValueAndAreListedUnderTheirOwnName() {
        assertThat(config.set("hash-max-ziplist-entries", "100")).isNull();
        assertThat(config.get("hash-max-listpack-entries")).isEqualTo("100");
        assertThat(config.encoding.hashMaxListpackEntries).isEqualTo(100);
        assertThat(config.set("lua-time-limit", "20")).isNull();
        assertThat(config.get("busy-reply-threshold")).isEqualTo("20");
        assertThat(config.matching("hash-max-*".getBytes(StandardCharsets.US_ASCII))).extracting(p -> p[0] + "=" + p[1])
                .containsExactly("hash-max-listpack-entries=100", "hash-max-ziplist-entries=100",
                        "hash-max-listpack-value=64", "hash-max-ziplist-value=64");
    }

    @Test
    void encodingLimitsFollowTheConfiguration() {
        EncodingLimits e = config.encoding;
        assertThat(e.hashMaxListpackEntries).isEqualTo(512);
        assertThat(e.hashMaxListpackValue).isEqualTo(64);
        assertThat(e.setMaxIntsetEntries).isEqualTo(512);
        assertThat(e.zsetMaxListpackEntries).isEqualTo(128);
        assertThat(e.zsetMaxListpackValue).isEqualTo(64);
        assertThat(e.listMaxListpackSize).isEqualTo(-2);
        assertThat(e.listCompressDepth).isZero();
        config.setAll(List.of(new String[] {"list-max-ziplist-size", "-6"}, new String[] {"zset-max-listpack-value", "1kb"},
                new String[] {"set-max-intset-entries", "7"}), true);
        assertThat(e.listMaxListpackSize).isEqualTo(-6);
        assertThat(e.zsetMaxListpackValue).isEqualTo(1024);
        assertThat(e.setMaxIntsetEntries).isEqualTo(7);
    }

    @Test
    void setAllIsAllOrNothing() {
        Config.Refusal r = config.setAll(List.of(new String[] {"maxmemory", "10mb"}, new String[] {"hz", "x"}), true);
        assertThat(r.argument).isEqualTo("hz");
        assertThat(r.reason).isEqualTo("argument couldn't be parsed into an integer");
        assertThat(config.get("maxmemory")).isEqualTo("0");
        assertThat(config.setAll(List.of(new String[] {"maxmemory", "10mb"}, new String[] {"hz", "20"}), true)).isNull();
        assertThat(config.get("maxmemory")).isEqualTo("10485760");
        assertThat(config.get("hz")).isEqualTo("20");
    }

    @Test
    void setAllChecksNamesBeforeValuesInRedisOrder() {
        Config.Refusal unknown = config.setAll(List.of(new String[] {"hz", "x"}, new String[] {"nosuch", "1"}), true);
        assertThat(unknown.argument).isEqualTo("nosuch");
        assertThat(unknown.reason).isNull();
        Config.Refusal immutable = config.setAll(List.of(new String[] {"Daemonize", "no"}, new String[] {"x", "1"}), true);
        assertThat(immutable.argument).isEqualTo("Daemonize");
        assertThat(immutable.reason).isEqualTo("can't set immutable config");
        Config.Refusal duplicate = config.setAll(
                List.of(new String[] {"maxmemory", "1"}, new String[] {"MAXMEMORY", "2"}), true);
        assertThat(duplicate.argument).isEqualTo("MAXMEMORY");
        assertThat(duplicate.reason).isEqualTo("duplicate parameter");
        // A name and its alias are separate entries in Redis: the later value wins.
        assertThat(config.setAll(List.of(new String[] {"hash-max-ziplist-entries", "100"},
                new String[] {"hash-max-listpack-entries", "200"}), true)).isNull();
        assertThat(config.get("hash-max-ziplist-entries")).isEqualTo("200");
        Config.Refusal byAlias = config.setAll(List.<String[]>of(new String[] {"lua-time-limit", "-1"}), true);
        assertThat(byAlias.argument).isEqualTo("lua-time-limit");
        assertThat(byAlias.reason).isEqualTo("argument must be between 0 and 9223372036854775807 inclusive");
    }

    @Test
    void protectedConfigsFollowEnableProtectedConfigs() {
        Config.Refusal r = config.setAll(List.<String[]>of(new String[] {"dbfilename", "x.rdb"}), false);
        assertThat(r.reason).isEqualTo("can't set protected config");
        assertThat(config.protectedAllowed(true)).isFalse();
        assertThat(config.set("enable-protected-configs", "local")).isNull();
        assertThat(config.protectedAllowed(true)).isTrue();
        assertThat(config.protectedAllowed(false)).isFalse();
        assertThat(config.set("enable-protected-configs", "yes")).isNull();
        assertThat(config.protectedAllowed(false)).isTrue();
    }

    @Test
    void appliersThatFailPutEveryValueBack() {
        List<String> applied = new ArrayList<>();
        config.setApplier("timeout", () -> {
            applied.add(config.get("timeout"));
            return config.get("timeout").equals("7") ? "cannot" : null;
        });
        List<String> heard = new ArrayList<>();
        config.addListener(heard::add);
        Config.Refusal r = config.setAll(List.of(new String[] {"maxmemory", "5"}, new String[] {"timeout", "7"}), true);
        assertThat(r.argument).isEqualTo("timeout");
        assertThat(r.reason).isEqualTo("cannot");
        assertThat(config.get("maxmemory")).isEqualTo("0");
        assertThat(config.get("timeout")).isEqualTo("0");
        assertThat(applied).containsExactly("7", "0");
        assertThat(heard).isEmpty();
    }

    @Test
    void saveIsValidatedAsRedis() {
        String invalid = "Invalid save parameters";
        for (String bad : new String[] {"3600", "3600 1 30", "a 1", "0 1", "3600 -1", "3600  1", "3600 1 ", "+ 1"}) {
            assertThat(config.set("save", bad)).as(bad).isEqualTo(invalid);
        }
        assertThat(config.set("save", "3600 1")).isNull();
        assertThat(config.get("save")).isEqualTo("3600 1");
        assertThat(config.set("save", "")).isNull();
        assertThat(config.get("save")).isEmpty();
        assertThat(SavePointsCanonical.of("+3600 0 300 100")).isEqualTo("3600 0 300 100");
    }

    /** Reaches the package-private normalizer for the canonical form Redis shows. */
    private static final class SavePointsCanonical {
        static String of(String text) {
            try {
                return SavePoints.normalize(text);
            } catch (Param.Refused e) {
                return e.getMessage();
            }
        }
    }

    @Test
    void valuesTheServerCannotHonourAreRefusedWithAReason() {
        assertThat(config.set("aof-use-rdb-preamble", "no")).isNull();
        assertThat(config.set("aof-timestamp-enabled", "yes")).contains("timestamp annotations");
        assertThat(config.set("lazyfree-lazy-user-del", "yes")).contains("lazy freeing is not implemented");
        assertThat(config.set("lazyfree-lazy-user-del", "no")).isNull();
        assertThat(config.set("maxmemory-clients", "10%")).contains("client eviction is not implemented");
        assertThat(config.set("maxmemory-clients", "0")).isNull();
        assertThat(config.set("daemonize", "yes")).contains("does not daemonize");
    }

    @Test
    void memoryOrPercentAsRedis() {
        assertThat(config.set("maxmemory-clients", "abc")).isEqualTo("argument must be a memory or percent value");
        assertThat(config.set("maxmemory-clients", "101%")).isEqualTo("percentage argument must be less or equal to 100");
        assertThat(config.set("maxmemory-clients", "0%")).isNull();
        assertThat(config.get("maxmemory-clients")).isEqualTo("0");
    }

    @Test
    void hzIsCappedAsRedisUpdateHz() {
        assertThat(config.set("hz", "0")).isNull();
        assertThat(config.get("hz")).isEqualTo("1");
        assertThat(config.set("hz", "1000")).isNull();
        assertThat(config.get("hz")).isEqualTo("500");
        assertThat(config.set("hz", "-1")).isEqualTo("argument must be between 0 and 2147483647 inclusive");
    }

    @Test
    void integersAreStrictAsString2ll() {
        assertThat(config.set("timeout", "05")).isEqualTo("argument couldn't be parsed into an integer");
        assertThat(config.set("timeout", "+5")).isEqualTo("argument couldn't be parsed into an integer");
        assertThat(config.set("timeout", " 5")).isEqualTo("argument couldn't be parsed into an integer");
        assertThat(config.set("maxmemory", "+5")).isEqualTo("argument must be a memory value");
        assertThat(config.set("slowlog-log-slower-than", "-2"))
                .isEqualTo("argument must be between -1 and 9223372036854775807 inclusive");
    }

    @Test
    void fileNamesAreNamesNotPaths() {
        assertThat(config.set("dbfilename", "a/b")).isEqualTo("dbfilename can't be a path, just a filename");
        assertThat(config.set("dbfilename", "")).isNull();
        assertThat(config.set("appendfilename", "")).isEqualTo("appendfilename can't be empty");
        assertThat(config.set("appenddirname", "x/y")).isEqualTo("appenddirname can't be a path, just a dirname");
    }

    @Test
    void dirMustExistAndIsKeptAbsolute(@TempDir Path tmp) throws Exception {
        Path sub = Files.createDirectory(tmp.resolve("sub"));
        Files.writeString(tmp.resolve("file"), "x");
        assertThat(config.set("dir", tmp.toString())).isNull();
        assertThat(config.set("dir", "sub")).isNull();
        assertThat(config.get("dir")).isEqualTo(sub.toRealPath().toString());
        assertThat(config.set("dir", "..")).isNull();
        assertThat(config.get("dir")).isEqualTo(tmp.toRealPath().toString());
        assertThat(config.set("dir", "nosuch")).isEqualTo("No such file or directory");
        assertThat(config.set("dir", "file")).isEqualTo("Not a directory");
        assertThat(config.get("dir")).isEqualTo(tmp.toRealPath().toString());
    }
}
