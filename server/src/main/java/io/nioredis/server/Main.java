package io.nioredis.server;

import io.nioredis.command.server.ModuleLoading;
import io.nioredis.store.PageStock;
import io.nioredis.store.ProcessId;
import io.nioredis.store.Clock;
import io.nioredis.config.Config;
import io.nioredis.ServerState;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code java -jar nioredis-server.jar [config-file] [--name value ...]}, as redis-server takes them. */
public final class Main {
    private Main() {}

    /**
     * The event loop's stack. Scripts run on it, and luaj spends Java stack on every Lua call and every
     * nested table cjson reads or writes: Redis's Lua takes 15,000 nested calls and cjson 1,000 levels, which
     * the launcher's 256 KB thread stacks (-Xss, for the JVM's own threads) do not hold. The size is only
     * reserved: the pages a deep script touches become resident, and stay so as a thread's stack does.
     */
    private static final long LOOP_STACK_BYTES = 32L << 20;

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("-v") || args[0].equals("--version"))) {
            System.out.println("nioredis server v=" + ServerState.VERSION + " redis-compat=" + ServerState.REDIS_VERSION
                    + " java=" + System.getProperty("java.version"));
            return;
        }
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            usage();
            return;
        }
        nameSelectorProvider();
        Config config;
        try {
            config = ServerConfig.parse(args);
        } catch (ServerConfig.Invalid e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        PrintStream logOut = System.out;
        String logfile = config.get("logfile");
        if (!logfile.isEmpty()) {
            try {
                logOut = new PrintStream(new FileOutputStream(logfile, true), false, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("Can't open the log file: " + e.getMessage());
                System.exit(1);
                return;
            }
        }
        Log log = new Log(logOut, Log.parseLevel(config.get("loglevel")));
        log.warning("oO0OoO0OoO0Oo nioredis is starting oO0OoO0OoO0Oo");
        log.warning("nioredis version=" + ServerState.VERSION + ", redis-compat=" + ServerState.REDIS_VERSION
                + ", java=" + System.getProperty("java.version") + ", pid=" + ProcessId.current()
                + ", just started");
        for (String module : config.moduleLoads()) {
            log.warning(ModuleLoading.failureLogLine(module));
            log.warning("Can't load module from " + module + ": server aborting");
            System.exit(1);
            return;
        }
        Server server;
        try {
            server = new Server(config, Clock.SYSTEM, log);
        } catch (IOException e) {
            log.warning(e.getMessage());
            System.exit(1);
            return;
        }
        Thread loopThread = launch(server, config, log);
        try {
            loopThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the pid file, starts the event loop on its own thread and registers the shutdown hook that stops
     * it; returns the loop's thread. The class-data archive's training starts its server this way too, so that
     * the archive holds every class of the way to the first PONG.
     */
    static Thread launch(Server server, Config config, Log log) {
        PidFile pidFile = PidFile.create(config.get("dir"), config.get("pidfile"), ProcessId.current());
        // The store's 512 KB arrays are made off the loop, whose first touch of fresh memory they would be.
        PageStock.useMaker();
        // Anonymous classes, not lambdas: start-up code (see io.nioredis.config.Config).
        Thread loopThread = new Thread(null, new Runnable() {
            @Override
            public void run() {
                serve(server, config, log, pidFile);
            }
        }, "nioredis-loop", LOOP_STACK_BYTES);
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                log.warning("Received SIGTERM or SIGINT, scheduling shutdown...");
                server.close();
                try {
                    loopThread.join(60_000); // time for the final save
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "nioredis-shutdown"));
        loopThread.start();
        return loopThread;
    }

    /**
     * Names the JDK's own selector provider on Linux, unless one is named already. Without a name the JDK
     * looks for one among the class path's services first, and that search opens the jar, which a server
     * whose classes all come from the class-data archive otherwise never opens: ~10 ms of start-up and the
     * jar's central directory (~100 KB) on the heap. The search finds nothing there, so the provider is the
     * same. The name is sun.nio.ch.EPollSelectorProvider on every JDK from 11 to 25.
     */
    static void nameSelectorProvider() {
        String property = "java.nio.channels.spi.SelectorProvider";
        if (System.getProperty(property) == null && "Linux".equals(System.getProperty("os.name"))) {
            System.setProperty(property, "sun.nio.ch.EPollSelectorProvider");
        }
    }

    /** The event loop, on its own thread: scripts run on it, and their recursion needs the stack. */
    private static void serve(Server server, Config config, Log log, PidFile pidFile) {
        StartupBanner.show(log, config, server.port(), ProcessId.current(), System.console() != null);
        log.notice("Ready to accept connections");
        try {
            server.run();
        } catch (IOException e) {
            log.warning("Event loop failed: " + e.getMessage());
            System.exit(1);
        }
        if (pidFile != null) {
            pidFile.remove(log);
        }
        log.warning("nioredis is now ready to exit, bye bye...");
    }

    /** As redis-server's usage, on stderr, naming the launcher when started through it. */
    private static void usage() {
        String program = System.getProperty("nioredis.program", "java -jar nioredis-server.jar");
        System.err.println("Usage: " + program + " [/path/to/nioredis.conf] [options]");
        System.err.println("       " + program + " -v or --version");
        System.err.println("       " + program + " -h or --help");
        System.err.println();
        System.err.println("Examples:");
        System.err.println("       " + program + " (run the server with default conf)");
        System.err.println("       " + program + " /etc/nioredis/6379.conf");
        System.err.println("       " + program + " --port 7777");
        System.err.println("       " + program + " nioredis.conf --loglevel verbose");
    }
}
