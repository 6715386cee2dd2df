package io.nioredis.server;

import java.util.Locale;

/**
 * One class of Redis's {@code client-output-buffer-limit} (e.g. {@code pubsub 32mb 8mb 60}): a client whose
 * unsent output exceeds the hard limit, or stays above the soft limit for the given seconds, is
 * disconnected. Zero disables a limit.
 */
final class OutputBufferLimit {
    final long hardBytes;
    final long softBytes;
    final long softMillis;

    OutputBufferLimit(long hardBytes, long softBytes, long softSeconds) {
        this.hardBytes = hardBytes;
        this.softBytes = softBytes;
        this.softMillis = softSeconds * 1000;
    }

    /** The limit of {@code clientClass} in a config value, or none if the value does not name it. */
    static OutputBufferLimit parse(String configValue, String clientClass) {
        String[] parts = configValue.trim().toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i + 3 < parts.length; i += 4) {
            if (parts[i].equals(clientClass)) {
                long hard = io.nioredis.Config.parseMemory(parts[i + 1]);
                long soft = io.nioredis.Config.parseMemory(parts[i + 2]);
                long seconds;
                try {
                    seconds = Long.parseLong(parts[i + 3]);
                } catch (NumberFormatException e) {
                    seconds = 0;
                }
                return new OutputBufferLimit(Math.max(0, hard), Math.max(0, soft), Math.max(0, seconds));
            }
        }
        return new OutputBufferLimit(0, 0, 0);
    }

    /**
     * Whether a client with {@code unsent} bytes queued must go; {@code conn.softLimitSince} remembers
     * since when it has been over the soft limit, as Redis's obuf_soft_limit_reached_time.
     */
    boolean exceeded(Connection conn, long unsent, long now) {
        if (hardBytes > 0 && unsent >= hardBytes) {
            return true;
        }
        if (softBytes > 0 && unsent >= softBytes) {
            if (conn.softLimitSince == 0) {
                conn.softLimitSince = now;
                return false;
            }
            return now - conn.softLimitSince > softMillis;
        }
        conn.softLimitSince = 0;
        return false;
    }
}
