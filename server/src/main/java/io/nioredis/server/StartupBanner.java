package io.nioredis.server;

import io.nioredis.ServerState;
import io.nioredis.config.Config;

/**
 * What the server says once it listens, as Redis's redisAsciiArt: a logo with the version, mode, port and
 * process id when {@code always-show-logo} asks for it or the log goes to a terminal, else one line.
 */
final class StartupBanner {
    private static final String[] LOGO = {
        "        _                          _  _       ",
        " _ __  (_)  ___   _ __   ___    __| |(_) ___  ",
        "| '_ \\ | | / _ \\ | '__| / _ \\  / _` || |/ __| ",
        "| | | || || (_) || |   |  __/ | (_| || |\\__ \\ ",
        "|_| |_||_| \\___/ |_|    \\___|  \\__,_||_||___/ ",
    };

    private StartupBanner() {}

    static void show(Log log, Config config, int port, long pid, boolean terminal) {
        String mode = config.getBoolean("cluster-enabled") ? "cluster" : "standalone";
        if (!config.getBoolean("always-show-logo") && !(terminal && config.get("logfile").isEmpty())) {
            log.notice("Running mode=" + mode + ", port=" + port + ", pid=" + pid + ".");
            return;
        }
        String[] beside = {
            "",
            "nioredis " + ServerState.VERSION + ", Redis " + ServerState.REDIS_VERSION + " protocol, Java "
                    + System.getProperty("java.version"),
            "Running in " + mode + " mode",
            "Port: " + port,
            "PID: " + pid,
        };
        StringBuilder text = new StringBuilder("\n");
        for (int i = 0; i < LOGO.length; i++) {
            text.append((LOGO[i] + "    " + beside[i]).stripTrailing()).append('\n');
        }
        log.raw(Log.NOTICE, text.append('\n').toString());
    }
}
