package io.nioredis.resp;

/**
 * Splits an inline request line into arguments as Redis's {@code sdssplitargs} does: blanks separate,
 * double quotes take C escapes ({@code \n}, {@code \x41}), single quotes take {@code \'}, and a closing
 * quote must be followed by a blank or the end of the line.
 *
 * <p>The line is rewritten in place: an unescaped argument is never longer than its source text, so each
 * argument ends up as a view into the same bytes.
 */
final class InlineSplitter {
    private InlineSplitter() {}

    /** Fills {@code out} with arguments relative to {@code start}; false on unbalanced quotes. */
    static boolean split(byte[] b, int start, int end, Request out) {
        out.argc = 0;
        // sdssplitargs reads a C string: a NUL byte ends the line there.
        for (int i = start; i < end; i++) {
            if (b[i] == 0) {
                end = i;
                break;
            }
        }
        int r = start;
        while (true) {
            while (r < end && isSpace(b[r])) {
                r++;
            }
            if (r == end) {
                return true;
            }
            int w = r;
            int argStart = w;
            boolean inDouble = false;
            boolean inSingle = false;
            boolean done = false;
            while (!done) {
                if (inDouble) {
                    if (r == end) {
                        return false;
                    }
                    byte c = b[r];
                    if (c == '\\' && r + 3 < end && b[r + 1] == 'x' && isHex(b[r + 2]) && isHex(b[r + 3])) {
                        b[w++] = (byte) (hex(b[r + 2]) * 16 + hex(b[r + 3]));
                        r += 4;
                    } else if (c == '\\' && r + 1 < end) {
                        b[w++] = unescape(b[r + 1]);
                        r += 2;
                    } else if (c == '"') {
                        if (r + 1 < end && !isSpace(b[r + 1])) {
                            return false;
                        }
                        r++;
                        done = true;
                    } else {
                        b[w++] = c;
                        r++;
                    }
                } else if (inSingle) {
                    if (r == end) {
                        return false;
                    }
                    byte c = b[r];
                    if (c == '\\' && r + 1 < end && b[r + 1] == '\'') {
                        b[w++] = '\'';
                        r += 2;
                    } else if (c == '\'') {
                        if (r + 1 < end && !isSpace(b[r + 1])) {
                            return false;
                        }
                        r++;
                        done = true;
                    } else {
                        b[w++] = c;
                        r++;
                    }
                } else if (r == end) {
                    done = true;
                } else {
                    byte c = b[r];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                        done = true;
                    } else if (c == '"') {
                        inDouble = true;
                        r++;
                    } else if (c == '\'') {
                        inSingle = true;
                        r++;
                    } else {
                        b[w++] = c;
                        r++;
                    }
                }
            }
            int i = out.argc;
            out.ensureCapacity(i + 1);
            out.offsets[i] = argStart - start;
            out.lengths[i] = w - argStart;
            out.argc = i + 1;
        }
    }

    private static byte unescape(byte c) {
        switch (c) {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'b': return '\b';
            case 'a': return 7;
            default: return c;
        }
    }

    /** C's isspace, which sdssplitargs uses between arguments. */
    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(byte c) {
        if (c <= '9') {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }
}
