package io.nioredis.server;

import io.nioredis.config.OutputBufferLimits;

/**
 * The enforcement of one class of {@code client-output-buffer-limit} (e.g. {@code pubsub 32mb 8mb 60}): a
 * client whose unsent output exceeds the hard limit, or stays above the soft limit for longer than the
 * given seconds, is disconnected. Zero disables a limit. The setting itself is parsed and merged by
 * {@link OutputBufferLimits}.
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

    static OutputBufferLimit of(OutputBufferLimits limits) {
        return new OutputBufferLimit(limits.hardBytes, limits.softBytes, limits.softSeconds);
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
