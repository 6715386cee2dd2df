package io.nioredis.aof;

/**
 * Runs the commands read back from an AOF, as Redis's fake AOF client does. The command layer provides it,
 * so this package needs no command classes.
 */
public interface AofReplay {
    /** False for a command name the server does not have (Redis refuses to start on one). */
    boolean knows(byte[] name);

    /** Runs one command; its reply is dropped. */
    void run(byte[][] argv);

    /** True while a MULTI read from the file has not met its EXEC. */
    boolean inTransaction();

    /** Forgets an unfinished MULTI at the end of a file, as Redis's freeFakeClient does. */
    void reset();
}
