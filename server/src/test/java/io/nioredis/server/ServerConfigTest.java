package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.config.Config;
import io.nioredis.config.ConfigLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @Test
    void flagsSetParameters() throws Exception {
        Config c = ServerConfig.parse(new String[] {"--port", "7000", "--bind", "127.0.0.1", "::1", "--loglevel", "debug"});
        assertThat(c.get("port")).isEqualTo("7000");
        assertThat(c.get("bind")).isEqualTo("127.0.0.1 ::1");
        assertThat(c.get("loglevel")).isEqualTo("debug");
    }

    @Test
    void badFlagsAreFatalWithRedisText() {
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--foo", "bar"}))
                .hasMessageContaining(">>> 'foo \"bar\"'").hasMessageContaining("Bad directive or wrong number of arguments");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port"}))
                .hasMessageContaining("wrong number of arguments");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port", "1", "2"}))
                .hasMessageContaining("wrong number of arguments");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port", "x"}))
                .hasMessageContaining("argument couldn't be parsed into an integer");
    }

    @Test
    void fileThenFlagsOverride(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("n.conf");
        Files.writeString(conf, "# comment\n\nport 7001\nloglevel \"verbose\"\nsave ''\n");
        Config c = ServerConfig.parse(new String[] {conf.toString(), "--port", "7002"});
        assertThat(c.get("port")).isEqualTo("7002");
        assertThat(c.get("loglevel")).isEqualTo("verbose");
        assertThat(c.get("save")).isEmpty();
    }

    @Test
    void quotesInConfigLines() {
        assertThat(ConfigLine.split("bind 127.0.0.1   -::1")).containsExactly("bind", "127.0.0.1", "-::1");
        assertThat(ConfigLine.split("logfile \"a b\\n\"")).containsExactly("logfile", "a b\n");
        assertThat(ConfigLine.split("save ''")).containsExactly("save", "");
        assertThat(ConfigLine.split("x \"open")).isNull();
    }

    /** The commented sample at the top of the repository; tests run in the server module's directory. */
    private static final Path SAMPLE = Path.of("..", "nioredis.conf");

    @TempDir
    Path dir;

    @Test
    void sampleFileSetsEveryOptionTheServerHasToItsDefault() throws Exception {
        List<String> directives = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                directives.add(ConfigLine.split(trimmed).get(0));
            }
        }
        Config defaults = new Config();
        List<String> options = defaults.names();
        assertThat(directives).as("directives in nioredis.conf").containsExactlyInAnyOrderElementsOf(options);

        Config sample = ServerConfig.parse(new String[] {SAMPLE.toString()});
        for (String name : options) {
            if (!name.equals("dir")) { // the default is the start-up directory, the sample says "./"
                assertThat(sample.get(name)).as(name).isEqualTo(defaults.get(name));
            }
        }
    }

    @Test
    void flagsAfterTheFileOverrideIt() throws Exception {
        Path file = write("port 7000\nloglevel verbose\nbind 127.0.0.1 -::1\n");
        Config config = ServerConfig.parse(new String[] {file.toString(), "--port", "7001", "--bind", "127.0.0.2"});
        assertThat(config.get("port")).isEqualTo("7001");
        assertThat(config.get("bind")).isEqualTo("127.0.0.2");
        assertThat(config.get("loglevel")).isEqualTo("verbose");
    }

    @Test
    void quotedValuesAndMemoryUnitsAsInRedisConf() throws Exception {
        Path file = write("logfile \"/var/log/nio redis.log\"\nsave ''\nproto-max-bulk-len 2mb\nmaxmemory 1g\n");
        Config config = ServerConfig.parse(new String[] {file.toString()});
        assertThat(config.get("logfile")).isEqualTo("/var/log/nio redis.log");
        assertThat(config.get("save")).isEmpty();
        assertThat(config.get("proto-max-bulk-len")).isEqualTo(Long.toString(2L * 1024 * 1024));
        assertThat(config.get("maxmemory")).isEqualTo("1000000000");
    }

    @Test
    void unknownDirectiveNamesItsLine() throws Exception {
        Path file = write("port 7000\n\n# comment\nno-such-option yes\n");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {file.toString()}))
                .isInstanceOf(ServerConfig.Invalid.class)
                .hasMessageContaining("*** FATAL CONFIG FILE ERROR")
                .hasMessageContaining("Reading the configuration file, at line 4")
                .hasMessageContaining(">>> 'no-such-option yes'")
                .hasMessageContaining("Bad directive or wrong number of arguments");
    }

    @Test
    void badValueAndUnbalancedQuotesNameTheLineToo() throws Exception {
        Path badValue = write("port many\n");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {badValue.toString()}))
                .hasMessageContaining("at line 1")
                .hasMessageContaining("argument couldn't be parsed into an integer");
        Path unbalanced = write("port 7000\nlogfile \"open\n");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {unbalanced.toString()}))
                .hasMessageContaining("at line 2")
                .hasMessageContaining("Unbalanced quotes in configuration line");
    }

    @Test
    void commandLineDirectivesAreNumberedAsLinesAfterTheFileAsRedisNumbersThem() throws Exception {
        // Each expectation is what redis-server 7.0.15 printed for the same arguments.
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port", "6395", "--nosuch", "1"}))
                .hasMessageContaining("Reading the configuration file, at line 3\n>>> 'nosuch \"1\"'\n"
                        + "Bad directive or wrong number of arguments");
        Path endsWithNewline = write("port 6392\nbind 127.0.0.1\n");
        assertThatThrownBy(() -> ServerConfig.parse(
                new String[] {endsWithNewline.toString(), "--save", "", "--dbfilename", "a/b"}))
                .hasMessageContaining("Reading the configuration file, at line 5\n>>> 'dbfilename \"a/b\"'\n"
                        + "dbfilename can't be a path, just a filename");
        Path noFinalNewline = write("port 6392\nbind 127.0.0.1");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {noFinalNewline.toString(), "--dbfilename", "a/b"}))
                .hasMessageContaining("Reading the configuration file, at line 3\n");
        // A word before any --name is a directive of its own, quoted.
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {endsWithNewline.toString(), "foo"}))
                .hasMessageContaining("Reading the configuration file, at line 4\n>>> '\"foo\"'\n"
                        + "Bad directive or wrong number of arguments");
    }

    @Test
    void commandLineArgumentsReachTheConfigurationAsTheyAreAndShowAsRedisQuotesThem() throws Exception {
        Config config = ServerConfig.parse(new String[] {"--logfile", "/var/log/na\u00efve \\n \"x\".log"});
        assertThat(config.get("logfile")).isEqualTo("/var/log/na\u00efve \\n \"x\".log");
        // redis-server 7.0.15 printed this for the same arguments
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port", "6396", "--nosuch", "a\u00ef\\b"}))
                .hasMessageContaining(">>> 'nosuch \"a\\xc3\\xaf\\\\b\"'");
        assertThat(ServerConfig.parse(new String[] {"--port 7002"}).getLong("port")).as("name and value in one")
                .isEqualTo(7002);
    }

    @Test
    void wordsAfterTheFileNameADirectiveAsRedisReadsThem() throws Exception {
        Path file = write("bind 127.0.0.1\n");
        Config config = ServerConfig.parse(new String[] {file.toString(), "port", "7001", "--save"});
        assertThat(config.getLong("port")).isEqualTo(7001);
        assertThat(config.get("save")).isEmpty();
    }

    @Test
    void missingFileIsFatal() {
        Path missing = dir.resolve("absent.conf");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {missing.toString()}))
                .hasMessageContaining("can't open config file '" + missing + "'");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "nioredis", ".conf");
        Files.writeString(file, text);
        return file;
    }
}
