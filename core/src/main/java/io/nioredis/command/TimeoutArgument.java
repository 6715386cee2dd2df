package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.text.Ascii;
import io.nioredis.text.FloatArgument;
import io.nioredis.text.LongDouble;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The timeout of the blocking commands, as Redis 7.0's getTimeoutFromObjectOrReply in seconds: a long
 * double (so "0.002", "1e-3", "0x10" and "inf" parse), times 1000 rounded up to whole milliseconds, 0 for
 * "block forever". As in Redis, a value whose milliseconds do not fit a 64-bit integer (1e20, inf) turns
 * into the most negative one and is refused as negative, while a small negative such as -0.0001 rounds up
 * to 0 and blocks forever.
 */
public final class TimeoutArgument {
    private static final double LONG_LIMIT = 9.223372036854775807E18;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private TimeoutArgument() {}

    /**
     * The deadline argument {@code i} asks for, in Unix milliseconds from {@code now}; 0 for none; -1 after
     * replying with Redis's error. A deadline past the end of time never comes, as in Redis.
     */
    public static long deadlineOrReply(Request request, int i, long now, RespWriter out) {
        long millis = millis(request.array(), request.offset(i), request.length(i));
        if (millis == NOT_A_FLOAT) {
            out.raw(Errors.TIMEOUT_NOT_FLOAT);
            return -1;
        }
        if (millis < 0) {
            out.raw(Errors.TIMEOUT_NEGATIVE);
            return -1;
        }
        if (millis == 0) {
            return 0;
        }
        long deadline = now + millis;
        return deadline < 0 ? Long.MAX_VALUE : deadline;
    }

    /** Marks text that is not a float; any other negative result is a negative timeout. */
    static final long NOT_A_FLOAT = Long.MIN_VALUE + 1;

    /** Milliseconds, rounded up, Long.MIN_VALUE where Redis's conversion overflows, or {@link #NOT_A_FLOAT}. */
    static long millis(byte[] b, int off, int len) {
        if (Ascii.isLong(b, off, len)) {
            long seconds = Ascii.parseLong(b, off, len);
            if (seconds > Long.MAX_VALUE / 1000 || seconds < Long.MIN_VALUE / 1000) {
                return Long.MIN_VALUE;
            }
            return seconds * 1000;
        }
        double seconds = FloatArgument.strict(b, off, len);
        if (!Double.isNaN(seconds)) {
            double ms = Math.ceil(seconds * 1000.0);
            return Double.isInfinite(ms) || ms >= LONG_LIMIT || ms < -LONG_LIMIT ? Long.MIN_VALUE : (long) ms;
        }
        // Outside a double's range, or not a number at all: ask the long double parser.
        BigDecimal exact = LongDouble.parse(b, off, len);
        if (exact == null) {
            return NOT_A_FLOAT;
        }
        if (exact == LongDouble.INFINITY) {
            return Long.MIN_VALUE;
        }
        BigDecimal ms = exact.multiply(THOUSAND).setScale(0, RoundingMode.CEILING);
        return ms.compareTo(LONG_MAX) > 0 || ms.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : ms.longValueExact();
    }
}
