package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Redis's choice between the logo and the one line: always-show-logo, or a terminal with no log file. */
class StartupBannerTest {
    private static String shown(boolean terminal, String... settings) {
        Config config = new Config();
        for (int i = 0; i < settings.length; i += 2) {
            assertThat(config.set(settings[i], settings[i + 1])).isNull();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Log log = new Log(new PrintStream(bytes, true, StandardCharsets.UTF_8), Log.parseLevel(config.get("loglevel")));
        StartupBanner.show(log, config, 7000, 42, terminal);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneLineUnlessAskedOrOnATerminal() {
        assertThat(shown(false)).endsWith("* Running mode=standalone, port=7000, pid=42.\n").doesNotContain("(_)");
        assertThat(shown(true, "logfile", "/tmp/nioredis.log")).contains("Running mode=standalone");
        assertThat(shown(false, "cluster-enabled", "yes")).contains("Running mode=cluster, port=7000");
    }

    @Test
    void theLogoCarriesVersionModePortAndPid() {
        for (String logo : new String[] {shown(false, "always-show-logo", "yes"), shown(true)}) {
            assertThat(logo).doesNotContain("Running mode=").contains(" _ __  (_)  ___ ")
                    .contains("nioredis 0.1.0, Redis 7.0.15 protocol").contains("Running in standalone mode\n")
                    .contains("Port: 7000\n").contains("PID: 42\n");
        }
        assertThat(shown(false, "always-show-logo", "yes", "loglevel", "warning")).isEmpty();
    }
}
