package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.Config;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
