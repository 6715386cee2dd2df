package io.nioredis.command;

import io.nioredis.text.FloatArgument;

import io.nioredis.resp.Request;
import io.nioredis.value.LexRange;
import io.nioredis.value.ScoreRange;

/** Parses score and lex range ends from request arguments, as Redis's zslParseRange and zslParseLexRange. */
public final class RangeArguments {
    private RangeArguments() {}

    /** False if either end is not a float (or is NaN); the caller replies "min or max is not a float". */
    public static boolean score(Request request, int minArg, int maxArg, ScoreRange range) {
        byte[] b = request.array();
        int minOff = request.offset(minArg);
        int minLen = request.length(minArg);
        int maxOff = request.offset(maxArg);
        int maxLen = request.length(maxArg);
        boolean minEx = minLen > 0 && b[minOff] == '(';
        boolean maxEx = maxLen > 0 && b[maxOff] == '(';
        double min = minEx ? FloatArgument.lenient(b, minOff + 1, minLen - 1) : FloatArgument.lenient(b, minOff, minLen);
        double max = maxEx ? FloatArgument.lenient(b, maxOff + 1, maxLen - 1) : FloatArgument.lenient(b, maxOff, maxLen);
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return false;
        }
        range.set(min, minEx, max, maxEx);
        return true;
    }

    /**
     * Redis's start of an index range (LRANGE, LTRIM, ZRANGE, ZREMRANGEBYRANK): a negative index counts
     * from the end, and one before the first element is the first.
     */
    public static long rankStart(long start, long length) {
        if (start < 0) {
            start += length;
        }
        return start < 0 ? 0 : start;
    }

    /**
     * The end of an index range to go with {@link #rankStart}: a negative index counts from the end, and
     * one past the last element is the last. The range is empty when start > end.
     */
    public static long rankEnd(long end, long length) {
        if (end < 0) {
            end += length;
        }
        return end >= length ? length - 1 : end;
    }

    /** False if either end is not a valid lex item; the caller replies "min or max not valid string range item". */
    public static boolean lex(Request request, int minArg, int maxArg, LexRange range) {
        return range.parse(request.array(), request.offset(minArg), request.length(minArg),
                request.offset(maxArg), request.length(maxArg));
    }
}
