package io.nioredis.scripting.lua51;

import java.util.Arrays;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * string.find, string.match, string.gmatch (and 5.1's alias string.gfind) and string.gsub as Lua 5.1.5's
 * lstrlib.c, over {@link LuaPattern}; luaj's own are not used. Their arguments' types are checked first by
 * {@link Lua51Arguments}, so a number given for a string arrives as Lua 5.1 writes it and a numeric string
 * given for a number as a number.
 */
final class PatternFunctions {

    /** Bytes that make str_find_aux match a pattern rather than search for plain text (SPECIALS). */
    private static final String SPECIALS = "^$*+?.([%-";

    private PatternFunctions() {}

    static void install(LuaTable string, CallTracker tracker) {
        string.set("find", new Find(true, tracker));
        string.set("match", new Find(false, tracker));
        Gmatch gmatch = new Gmatch(tracker);
        string.set("gmatch", gmatch);
        string.set("gfind", gmatch);
        string.set("gsub", new Gsub(tracker));
    }

    /**
     * str_find_aux: find returns the match's positions then its captures, match its captures (or the whole
     * match). find searches for plain text when asked to or when the pattern has none of {@link #SPECIALS}
     * before its first NUL byte. An init past the end starts at the end (Lua 5.2 returns nil instead).
     */
    static final class Find extends VarArgFunction {
        private final boolean find;
        private final CallTracker tracker;

        Find(boolean find, CallTracker tracker) {
            this.find = find;
            this.tracker = tracker;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaString s = args.checkstring(1);
            LuaString p = args.checkstring(2);
            int length = s.m_length;
            long init = args.isnoneornil(3) ? 1 : integer(args, 3, find ? "find" : "match");
            init = relative(init, length) - 1;
            if (init < 0) {
                init = 0;
            } else if (init > length) {
                init = length;
            }
            if (find && (args.arg(4).toboolean() || !hasSpecials(p))) {
                int at = indexOf(s, (int) init, p);
                if (at < 0) {
                    return NIL;
                }
                return varargsOf(valueOf(at + 1), valueOf(at + p.m_length));
            }
            LuaPattern ms = new LuaPattern(s, p, true, tracker);
            int s1 = s.m_offset + (int) init;
            do {
                ms.level = 0;
                int end = ms.match(s1, ms.patInit);
                if (end >= 0) {
                    if (find) {
                        return varargsOf(valueOf(s1 - s.m_offset + 1), valueOf(end - s.m_offset), ms.captures(-1, 0));
                    }
                    return ms.captures(s1, end);
                }
            } while (s1++ < ms.srcEnd && !ms.anchored);
            return NIL;
        }
    }

    /**
     * string.gmatch as Lua 5.1's gmatch_aux: each call tries the pattern from each position on; after an
     * empty match the next call starts one byte further. A leading '^' is a plain character here.
     */
    static final class Gmatch extends VarArgFunction {
        private final CallTracker tracker;

        Gmatch(CallTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return new Step(new LuaPattern(args.checkstring(1), args.checkstring(2), false, tracker));
        }

        private static final class Step extends VarArgFunction {
            private final LuaPattern ms;
            /** Where the next search starts in the subject's bytes. */
            private int next;

            Step(LuaPattern ms) {
                this.ms = ms;
                this.next = ms.srcInit;
            }

            @Override
            public Varargs invoke(Varargs ignored) {
                for (int src = next; src <= ms.srcEnd; src++) {
                    ms.level = 0;
                    int end = ms.match(src, ms.patInit);
                    if (end >= 0) {
                        next = end == src ? end + 1 : end;
                        return ms.captures(src, end);
                    }
                }
                return NONE;
            }
        }
    }

    /**
     * string.gsub(s, pattern, repl [, n]) as Lua 5.1: repl is a string (or number) with %0-%9, a table indexed
     * by the first capture or a function called with the captures; a false or nil result keeps the match.
     * In a replacement string '%' followed by anything but a digit stands for that byte (5.2 raises "invalid
     * use of '%' in replacement string"), and a '%' ending it for a NUL byte, as Lua 5.1 reads its terminator.
     */
    static final class Gsub extends VarArgFunction {
        private final CallTracker tracker;

        Gsub(CallTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaString subject = args.checkstring(1);
            LuaString p = args.checkstring(2);
            LuaValue repl = args.arg(3);
            int type = repl.type();
            long maxS = args.isnoneornil(4) ? subject.m_length + 1L : (int) integer(args, 4, "gsub");
            if (type != TNUMBER && type != TSTRING && type != TFUNCTION && type != TTABLE) {
                throw new LuaError("bad argument #3 to 'gsub' (string/function/table expected)");
            }
            LuaString text = type == TNUMBER ? valueOf(CNumberFormat.lua(repl.todouble()))
                    : type == TSTRING ? repl.checkstring() : null;
            LuaPattern ms = new LuaPattern(subject, p, true, tracker);
            Output out = new Output(subject.m_length);
            byte[] bytes = ms.src;
            int src = ms.srcInit;
            int n = 0;
            while (n < maxS) {
                ms.level = 0;
                int end = ms.match(src, ms.patInit);
                if (end >= 0) {
                    n++;
                    if (text != null) {
                        addString(ms, out, src, end, text);
                    } else {
                        addValue(ms, out, src, end, repl);
                    }
                }
                if (end > src) {
                    src = end;
                } else if (src < ms.srcEnd) {
                    out.add(bytes[src++]);
                } else {
                    break;
                }
                if (ms.anchored) {
                    break;
                }
            }
            out.add(bytes, src, ms.srcEnd - src);
            return varargsOf(out.toLuaString(), valueOf(n));
        }

        /** add_s: the replacement string with %0 (the match) and %1-%9 (captures) filled in. */
        private static void addString(LuaPattern ms, Output out, int s, int e, LuaString text) {
            byte[] news = text.m_bytes;
            int from = text.m_offset;
            int l = text.m_length;
            for (int i = 0; i < l; i++) {
                byte b = news[from + i];
                if (b != '%') {
                    out.add(b);
                    continue;
                }
                i++;
                int c = i < l ? news[from + i] & 0xff : 0;
                if (!LuaPattern.isDigit(c)) {
                    out.add((byte) c);
                } else if (c == '0') {
                    out.add(ms.src, s, e - s);
                } else {
                    out.add(ms.capture(c - '1', s, e));
                }
            }
        }

        /** add_value for a table or function: its answer, or the match itself for false or nil. */
        private static void addValue(LuaPattern ms, Output out, int s, int e, LuaValue repl) {
            LuaValue v = repl.type() == TFUNCTION ? repl.invoke(ms.captures(s, e)).arg1()
                    : repl.get(ms.capture(0, s, e));
            if (!v.toboolean()) {
                out.add(ms.src, s, e - s);
            } else if (!v.isstring()) {
                throw new LuaError("invalid replacement value (a " + v.typename() + ")");
            } else {
                out.add(v);
            }
        }
    }

    /** luaL_optinteger's value: a number cast to an integer as C does on x86 (out of range is LLONG_MIN). */
    private static long integer(Varargs args, int index, String function) {
        return Tonumber.truncate(Tonumber.checkNumber(args, index, function));
    }

    /** posrelat: a negative position counts back from the end; the result is at least 0. */
    private static long relative(long pos, int length) {
        if (pos < 0) {
            pos += length + 1;
        }
        return pos >= 0 ? pos : 0;
    }

    /** strpbrk(p, SPECIALS) on the pattern read as a C string. */
    private static boolean hasSpecials(LuaString p) {
        for (int i = 0; i < p.m_length; i++) {
            byte b = p.m_bytes[p.m_offset + i];
            if (b == 0) {
                return false;
            }
            if (SPECIALS.indexOf(b) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** lmemfind: the first index at or after {@code from} where {@code p}'s bytes occur in {@code s}, or -1. */
    private static int indexOf(LuaString s, int from, LuaString p) {
        byte[] a = s.m_bytes;
        byte[] b = p.m_bytes;
        int n = p.m_length;
        int last = s.m_offset + s.m_length - n;
        for (int i = s.m_offset + from; i <= last; i++) {
            if (n == 0 || a[i] == b[p.m_offset] && Arrays.equals(a, i, i + n, b, p.m_offset, p.m_offset + n)) {
                return i - s.m_offset;
            }
        }
        return -1;
    }

    /** gsub's result, grown as needed (luaL_Buffer). */
    private static final class Output {
        private byte[] bytes;
        private int length;

        Output(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        void add(byte b) {
            if (length == bytes.length) {
                grow(1);
            }
            bytes[length++] = b;
        }

        void add(byte[] from, int offset, int count) {
            if (bytes.length - length < count) {
                grow(count);
            }
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
        }

        /** A string, or a number as Lua 5.1 writes it ("%.14g"). */
        void add(LuaValue v) {
            LuaString s = v instanceof LuaNumber ? LuaValue.valueOf(CNumberFormat.lua(v.todouble())) : v.checkstring();
            add(s.m_bytes, s.m_offset, s.m_length);
        }

        private void grow(int needed) {
            long size = Math.max((long) bytes.length * 2, (long) length + needed);
            if (size > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("string too long");
            }
            bytes = Arrays.copyOf(bytes, (int) size);
        }

        LuaString toLuaString() {
            return LuaString.valueUsing(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
        }
    }
}
