package io.nioredis.scripting;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * string.gmatch as Lua 5.1's gmatch_aux: after an empty match the next search starts one byte further on
 * (luaj's looped forever on a pattern that matches empty, such as '' or '%a*', holding the server until
 * SCRIPT KILL), and a leading '^' is a plain character, not an anchor. Each step is a string.find from the
 * current position, which finds the first position where the pattern matches, as gmatch_aux's loop does.
 */
final class Gmatch extends VarArgFunction {
    private final LuaValue find;

    Gmatch(LuaValue find) {
        this.find = find;
    }

    @Override
    public Varargs invoke(Varargs args) {
        LuaString subject = args.checkstring(1);
        LuaString pattern = args.checkstring(2);
        if (pattern.length() > 0 && pattern.luaByte(0) == '^') {
            byte[] escaped = new byte[pattern.length() + 1]; // bytes, not a Java String: any byte may follow
            escaped[0] = '%';
            pattern.copyInto(0, escaped, 1, pattern.length());
            pattern = LuaString.valueUsing(escaped);
        }
        return new Step(find, subject, pattern);
    }

    private static final class Step extends VarArgFunction {
        private final LuaValue find;
        private final LuaString subject;
        private final LuaString pattern;
        /** 1-based position of the next search. */
        private int next = 1;

        Step(LuaValue find, LuaString subject, LuaString pattern) {
            this.find = find;
            this.subject = subject;
            this.pattern = pattern;
        }

        @Override
        public Varargs invoke(Varargs ignored) {
            if (next > subject.length() + 1) {
                return NIL;
            }
            Varargs found = find.invoke(varargsOf(subject, pattern, valueOf(next)));
            if (found.arg1().isnil()) {
                next = subject.length() + 2;
                return NIL;
            }
            int start = found.arg1().toint();
            int end = found.arg(2).toint();
            next = end < start ? end + 2 : end + 1; // an empty match moves on by one
            if (found.narg() > 2) {
                return found.subargs(3);
            }
            return subject.substring(start - 1, end);
        }
    }
}
