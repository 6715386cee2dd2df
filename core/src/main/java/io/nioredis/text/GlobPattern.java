package io.nioredis.text;

/**
 * Redis's glob matching ({@code stringmatchlen}): {@code *}, {@code ?}, {@code [abc]}, {@code [^a-z]} and
 * {@code \} escapes, on raw bytes. Written with one backtrack point for the last {@code *} instead of
 * recursion, so a pattern like {@code *a*a*a*b} cannot make it run for exponential time.
 */
public final class GlobPattern {
    private GlobPattern() {}

    public static boolean matches(byte[] p, int poff, int plen, byte[] s, int soff, int slen, boolean nocase) {
        if (slen == 0) {
            // Redis's loop never runs for an empty string, so only an empty pattern matches it.
            return plen == 0;
        }
        int pi = poff;
        int pend = poff + plen;
        int si = soff;
        int send = soff + slen;
        int starP = -1;
        int starS = -1;
        while (si < send) {
            if (pi < pend) {
                byte c = p[pi];
                if (c == '*') {
                    while (pi + 1 < pend && p[pi + 1] == '*') {
                        pi++;
                    }
                    starP = pi++;
                    starS = si;
                    continue;
                }
                int next = matchOne(p, pi, pend, s[si], nocase);
                if (next >= 0) {
                    pi = next;
                    si++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < pend && p[pi] == '*') {
            pi++;
        }
        return pi == pend;
    }

    /** Matches one byte against the pattern element at {@code pi}; returns the next element or -1. */
    private static int matchOne(byte[] p, int pi, int pend, byte c, boolean nocase) {
        byte pc = p[pi];
        if (pc == '?') {
            return pi + 1;
        }
        if (pc == '[') {
            return matchClass(p, pi + 1, pend, c, nocase);
        }
        if (pc == '\\' && pi + 1 < pend) {
            pi++;
            pc = p[pi];
        }
        return same(pc, c, nocase) ? pi + 1 : -1;
    }

    private static int matchClass(byte[] p, int pi, int pend, byte c, boolean nocase) {
        boolean not = pi < pend && p[pi] == '^';
        if (not) {
            pi++;
        }
        boolean match = false;
        while (true) {
            if (pi >= pend) {
                // An unterminated class: Redis treats the end of the pattern as its end.
                pi = pend - 1;
                break;
            }
            byte pc = p[pi];
            if (pc == ']') {
                break;
            }
            if (pc == '\\' && pi + 1 < pend) {
                pi++;
                if (p[pi] == c) {
                    match = true;
                }
            } else if (pi + 2 < pend && p[pi + 1] == '-') {
                // Signed, as C's char on the platforms Redis runs on.
                int start = p[pi];
                int end = p[pi + 2];
                int cc = c;
                if (start > end) {
                    int t = start;
                    start = end;
                    end = t;
                }
                if (nocase) {
                    start = lower(start);
                    end = lower(end);
                    cc = lower(cc);
                }
                pi += 2;
                if (cc >= start && cc <= end) {
                    match = true;
                }
            } else if (same(pc, c, nocase)) {
                match = true;
            }
            pi++;
        }
        if (not) {
            match = !match;
        }
        return match ? pi + 1 : -1;
    }

    private static boolean same(byte a, byte b, boolean nocase) {
        return a == b || (nocase && lower(a & 0xff) == lower(b & 0xff));
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
