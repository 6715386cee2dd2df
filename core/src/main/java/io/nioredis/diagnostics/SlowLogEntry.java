package io.nioredis.diagnostics;

/**
 * One SLOWLOG entry as Redis 7.0 keeps it: its id, the Unix time it was logged, how long the command ran,
 * the arguments as cut down for the log, the client's address and its name (empty if it has none).
 */
public record SlowLogEntry(long id, long unixSeconds, long micros, byte[][] args, String peer, byte[] clientName) {
}
