package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * Turns an EX/PX/EXAT/PXAT argument into an absolute deadline as Redis's getExpireMillisecondsOrReply:
 * the value must be a positive integer, seconds must not overflow when scaled, and relative times are
 * added to now.
 */
public final class ExpireTime {
    public static final int SECONDS = 1;
    public static final int RELATIVE = 2;
    /** Returned when an error reply was written. */
    public static final long INVALID = Long.MIN_VALUE;

    private ExpireTime() {}

    public static long deadlineOrReply(Request request, int arg, int mode, long now, String command, RespWriter out) {
        if (!request.isLong(arg)) {
            out.raw(Errors.NOT_INTEGER);
            return INVALID;
        }
        long v = request.longValue(arg);
        boolean seconds = (mode & SECONDS) != 0;
        if (v <= 0 || (seconds && v > Long.MAX_VALUE / 1000)) {
            out.error(Errors.invalidExpireTime(command));
            return INVALID;
        }
        if (seconds) {
            v *= 1000;
        }
        if ((mode & RELATIVE) != 0) {
            v += now;
        }
        if (v <= 0) {
            out.error(Errors.invalidExpireTime(command));
            return INVALID;
        }
        return v;
    }
}
