package io.nioredis.scripting.lua51;

import java.util.Arrays;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1's pattern matcher (lstrlib.c's MatchState with match and its helpers) over the bytes of one subject
 * and one pattern, as Redis's Lua runs it. The character classes are the C locale's: only ASCII bytes are
 * letters, digits, spaces or punctuation. The pattern is read as the C string Lua 5.1 hands the matcher, so
 * it ends at its first NUL byte (%z matches a NUL in the subject).
 *
 * <p>Positions are indices into the subject's backing array ({@link #src}), from {@link #srcInit} to
 * {@link #srcEnd}; -1 is C's NULL. An instance serves one string.find, match or gsub call, or one gmatch
 * iterator, and allocates nothing while it matches. Every {@link #STEPS_PER_CHECK} steps it charges the
 * {@link CallTracker} as many instructions, so SCRIPT KILL also stops a pattern that backtracks for ever
 * (Redis's C matcher cannot be stopped).
 */
final class LuaPattern {

    /** LUA_MAXCAPTURES. */
    static final int MAX_CAPTURES = 32;
    /** Match steps between two charges of the call tracker. */
    private static final int STEPS_PER_CHECK = 1024;

    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final int ESC = '%';

    final byte[] src;
    final int srcInit;
    final int srcEnd;
    private final byte[] pat;
    /** Where the pattern starts in {@link #pat}, after a leading '^' when the caller takes it as an anchor. */
    final int patInit;
    /** Whether the pattern began with '^' and the caller is to try it at the first position only. */
    final boolean anchored;
    /** The pattern's first NUL byte, or its end. */
    private final int patEnd;
    private final CallTracker tracker;
    private int steps = STEPS_PER_CHECK;

    /** Captures open or closed so far; callers reset it to 0 before each try. */
    int level;
    private final int[] captureInit = new int[MAX_CAPTURES];
    private final int[] captureLen = new int[MAX_CAPTURES];

    /**
     * @param skipAnchor whether a leading '^' is an anchor for the caller to honour (find, match, gsub) rather
     *                   than a plain character (gmatch)
     */
    LuaPattern(LuaString subject, LuaString pattern, boolean skipAnchor, CallTracker tracker) {
        this.src = subject.m_bytes;
        this.srcInit = subject.m_offset;
        this.srcEnd = subject.m_offset + subject.m_length;
        this.pat = pattern.m_bytes;
        int end = pattern.m_offset;
        int limit = pattern.m_offset + pattern.m_length;
        while (end < limit && pat[end] != 0) {
            end++;
        }
        this.patEnd = end;
        this.anchored = skipAnchor && end > pattern.m_offset && pat[pattern.m_offset] == '^';
        this.patInit = anchored ? pattern.m_offset + 1 : pattern.m_offset;
        this.tracker = tracker;
    }

    /** The pattern byte at {@code p}, or 0 (C's terminator) past the pattern's end. */
    private int pc(int p) {
        return p < patEnd ? pat[p] & 0xff : 0;
    }

    /** The end of a match of the pattern from {@code p} against the subject from {@code s}, or -1. */
    int match(int s, int p) {
        while (true) {
            if (--steps <= 0) {
                steps = STEPS_PER_CHECK;
                tracker.charge(STEPS_PER_CHECK);
            }
            switch (pc(p)) {
                case '(':
                    if (pc(p + 1) == ')') {
                        return startCapture(s, p + 2, CAP_POSITION);
                    }
                    return startCapture(s, p + 1, CAP_UNFINISHED);
                case ')':
                    return endCapture(s, p + 1);
                case 0:
                    return s;
                case '$':
                    if (pc(p + 1) == 0) {
                        return s == srcEnd ? s : -1;
                    }
                    break;
                case ESC: {
                    int next = pc(p + 1);
                    if (next == 'b') {
                        s = matchBalance(s, p + 2);
                        if (s < 0) {
                            return -1;
                        }
                        p += 4;
                        continue;
                    }
                    if (next == 'f') {
                        p += 2;
                        if (pc(p) != '[') {
                            throw new LuaError("missing '[' after '%f' in pattern");
                        }
                        int ep = classEnd(p);
                        int previous = s == srcInit ? 0 : src[s - 1] & 0xff;
                        int current = s < srcEnd ? src[s] & 0xff : 0;
                        if (matchBracketClass(previous, p, ep - 1) || !matchBracketClass(current, p, ep - 1)) {
                            return -1;
                        }
                        p = ep;
                        continue;
                    }
                    if (isDigit(next)) {
                        s = matchCapture(s, next);
                        if (s < 0) {
                            return -1;
                        }
                        p += 2;
                        continue;
                    }
                    break;
                }
                default:
                    break;
            }
            // a single character class, maybe followed by '?', '*', '+' or '-'
            int ep = classEnd(p);
            boolean m = s < srcEnd && singleMatch(src[s] & 0xff, p, ep);
            switch (pc(ep)) {
                case '?':
                    if (m) {
                        int res = match(s + 1, ep + 1);
                        if (res >= 0) {
                            return res;
                        }
                    }
                    p = ep + 1;
                    continue;
                case '*':
                    return maxExpand(s, p, ep);
                case '+':
                    return m ? maxExpand(s + 1, p, ep) : -1;
                case '-':
                    return minExpand(s, p, ep);
                default:
                    if (!m) {
                        return -1;
                    }
                    s++;
                    p = ep;
            }
        }
    }

    /** Just past the single character class at {@code p}. */
    private int classEnd(int p) {
        int c = pc(p++);
        if (c == ESC) {
            if (pc(p) == 0) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (pc(p) == '^') {
                p++;
            }
            do { // the first byte of the set is taken even when it is ']'
                if (pc(p) == 0) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                if (pc(p++) == ESC && pc(p) != 0) {
                    p++;
                }
            } while (pc(p) != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int ep) {
        return switch (pc(p)) {
            case '.' -> true;
            case ESC -> matchClass(c, pc(p + 1));
            case '[' -> matchBracketClass(c, p, ep - 1);
            default -> pc(p) == c;
        };
    }

    /** Whether {@code c} is in the set that opens at {@code p} ('[') and closes at {@code ec} (']'). */
    private boolean matchBracketClass(int c, int p, int ec) {
        boolean sig = true;
        if (pc(p + 1) == '^') {
            sig = false;
            p++;
        }
        while (++p < ec) {
            if (pc(p) == ESC) {
                p++;
                if (matchClass(c, pc(p))) {
                    return sig;
                }
            } else if (pc(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if (pc(p - 2) <= c && c <= pc(p)) {
                    return sig;
                }
            } else if (pc(p) == c) {
                return sig;
            }
        }
        return !sig;
    }

    /** %a, %d... with the C locale's ctype; an upper-case class letter is the complement, any other byte itself. */
    private static boolean matchClass(int c, int cl) {
        int lower = cl >= 'A' && cl <= 'Z' ? cl + ('a' - 'A') : cl;
        boolean res;
        switch (lower) {
            case 'a' -> res = isAlpha(c);
            case 'c' -> res = c < 32 || c == 127;
            case 'd' -> res = isDigit(c);
            case 'l' -> res = c >= 'a' && c <= 'z';
            case 'p' -> res = c > ' ' && c < 127 && !isAlpha(c) && !isDigit(c);
            case 's' -> res = c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> res = c >= 'A' && c <= 'Z';
            case 'w' -> res = isAlpha(c) || isDigit(c);
            case 'x' -> res = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> res = c == 0;
            default -> {
                return cl == c;
            }
        }
        return lower == cl ? res : !res;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** %bxy at {@code p} (pointing at x): the end of a balanced x...y run starting at {@code s}, or -1. */
    private int matchBalance(int s, int p) {
        int open = pc(p);
        int close = pc(p + 1);
        if (open == 0 || close == 0) {
            throw new LuaError("unbalanced pattern");
        }
        if (s >= srcEnd || (src[s] & 0xff) != open) {
            return -1;
        }
        int depth = 1;
        while (++s < srcEnd) {
            int c = src[s] & 0xff;
            if (c == close) {
                if (--depth == 0) {
                    return s + 1;
                }
            } else if (c == open) {
                depth++;
            }
        }
        return -1;
    }

    /** The longest run of the class at {@code p} that lets the rest of the pattern match, backing off by one. */
    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (s + i < srcEnd && singleMatch(src[s + i] & 0xff, p, ep)) {
            i++;
        }
        while (i >= 0) {
            int res = match(s + i, ep + 1);
            if (res >= 0) {
                return res;
            }
            i--;
        }
        return -1;
    }

    /** The shortest run of the class at {@code p} that lets the rest of the pattern match. */
    private int minExpand(int s, int p, int ep) {
        while (true) {
            int res = match(s, ep + 1);
            if (res >= 0) {
                return res;
            }
            if (s < srcEnd && singleMatch(src[s] & 0xff, p, ep)) {
                s++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureInit[level] = s;
        captureLen[level] = what;
        level++;
        int res = match(s, p);
        if (res < 0) {
            level--;
        }
        return res;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        captureLen[l] = s - captureInit[l];
        int res = match(s, p);
        if (res < 0) {
            captureLen[l] = CAP_UNFINISHED;
        }
        return res;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (captureLen[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw new LuaError("invalid pattern capture");
    }

    /** %1-%9 in a pattern: the text of that capture again; a position capture never matches. */
    private int matchCapture(int s, int digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || captureLen[l] == CAP_UNFINISHED) {
            throw new LuaError("invalid capture index");
        }
        int len = captureLen[l];
        int from = captureInit[l];
        if (len >= 0 && srcEnd - s >= len && Arrays.equals(src, from, from + len, src, s, s + len)) {
            return s + len;
        }
        return -1;
    }

    /** Capture {@code i} of the match {@code s..e} (push_onecapture): the whole match when there are none. */
    LuaValue capture(int i, int s, int e) {
        if (i >= level) {
            if (i == 0) {
                return LuaString.valueOf(src, s, e - s);
            }
            throw new LuaError("invalid capture index");
        }
        int len = captureLen[i];
        if (len == CAP_UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        if (len == CAP_POSITION) {
            return LuaValue.valueOf(captureInit[i] - srcInit + 1);
        }
        return LuaString.valueOf(src, captureInit[i], len);
    }

    /**
     * All captures of the match {@code s..e} (push_captures); with none, the whole match, or nothing when
     * {@code s} is -1 (string.find, which returns the positions instead).
     */
    Varargs captures(int s, int e) {
        int n = level == 0 && s >= 0 ? 1 : level;
        if (n == 0) {
            return LuaValue.NONE;
        }
        if (n == 1) {
            return capture(0, s, e);
        }
        LuaValue[] values = new LuaValue[n];
        for (int i = 0; i < n; i++) {
            values[i] = capture(i, s, e);
        }
        return LuaValue.varargsOf(values);
    }
}
