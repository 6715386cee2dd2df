package io.nioredis;

/**
 * The EVAL or FCALL running now, as the rest of the server sees it (Redis's curr_run_ctx): who runs it,
 * since when, whether it has written, and whether SCRIPT KILL / FUNCTION KILL asked it to stop. Once it has
 * run longer than busy-reply-threshold it is "timed out": the dispatcher answers -BUSY to every command not
 * flagged allow_busy, and the event loop is entered from inside the script through {@link BusyEvents}.
 */
public final class RunningScript {

    /** What the server does with other clients while a script runs long: reads them and answers each request. */
    public interface BusyEvents {
        void process();
    }

    public static final String BUSY_EVAL =
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    public static final String BUSY_FUNCTION =
            "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";

    private BusyEvents busyEvents = new BusyEvents() { // not a lambda: start-up code (see Config)
        @Override
        public void process() {
        }
    };
    private boolean running;
    private boolean eval;
    private boolean timedOut;
    private boolean wrote;
    private boolean killRequested;
    private long startMillis;
    private String name;
    private byte[][] command;

    /** Set once by the server; tests and the command harness keep the default, which does nothing. */
    public void busyEvents(BusyEvents events) {
        this.busyEvents = events;
    }

    /** A script starts: {@code name} is its SHA1 or function name, {@code command} the caller's arguments. */
    public void start(boolean eval, String name, byte[][] command, long nowMillis) {
        this.running = true;
        this.eval = eval;
        this.name = name;
        this.command = command;
        this.startMillis = nowMillis;
        this.timedOut = false;
        this.wrote = false;
        this.killRequested = false;
    }

    public void finish() {
        running = false;
        timedOut = false;
        command = null;
    }

    public boolean running() {
        return running;
    }

    /** True once the script has passed busy-reply-threshold: other clients get -BUSY. */
    public boolean timedOut() {
        return running && timedOut;
    }

    /** True for EVAL/EVALSHA, false for FCALL: the -BUSY text and which KILL applies depend on it. */
    public boolean eval() {
        return eval;
    }

    public String name() {
        return name;
    }

    public byte[][] command() {
        return command;
    }

    public long elapsedMillis(long nowMillis) {
        return nowMillis - startMillis;
    }

    /** The script ran a write command: it can no longer be killed. */
    public void wrote() {
        wrote = true;
    }

    public boolean hasWritten() {
        return wrote;
    }

    public void requestKill() {
        killRequested = true;
    }

    public boolean killRequested() {
        return killRequested;
    }

    /** The -BUSY text for the running script. */
    public String busyError() {
        return eval ? BUSY_EVAL : BUSY_FUNCTION;
    }

    /**
     * Called from inside the script every so many instructions (Redis's scriptInterrupt): past the threshold
     * the script is marked timed out and other clients are served. Returns true if the script is to stop.
     */
    public boolean interrupt(long nowMillis, long thresholdMillis) {
        if (!timedOut) {
            if (elapsedMillis(nowMillis) < thresholdMillis) {
                return false;
            }
            timedOut = true;
        }
        busyEvents.process();
        return killRequested;
    }
}
