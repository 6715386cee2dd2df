package io.nioredis.scripting.lua51;

import java.util.Arrays;

import org.luaj.vm2.Globals;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Sits where luaj calls its debug library on every Lua call and instruction, for two jobs: it keeps the
 * stack of running Lua functions with their current instruction (so error() and the error reply can say
 * "user_script:LINE"), and every {@link #HOOK_INSTRUCTIONS} instructions it asks the host
 * whether to kill the script, as Redis's luaMaskCountHook does. Once killed, every further instruction
 * raises again, so a script that catches the kill (a coroutine) still cannot go on. luaj runs coroutines
 * on their own Java threads, strictly one at a time, so one stack serves; positions reported inside a
 * script that leaves a coroutine suspended may be off (the suspended frames stay on the stack).
 */
public final class CallTracker extends DebugLib {
    /** Lua instructions between two calls of {@link KillSwitch#shouldKill}, Redis's LUA_MASKCOUNT value. */
    public static final int HOOK_INSTRUCTIONS = 100_000;

    private static final int MAX_DEPTH = 256;

    private final LuaClosure[] frames = new LuaClosure[MAX_DEPTH];
    private final int[] pcs = new int[MAX_DEPTH];
    private int depth;
    private int countdown;
    /**
     * luaj runs a tail call after the calling function has returned; Lua 5.1 runs a tail-called C function
     * inside its caller's frame. The caller's position is kept here until the next call or instruction so
     * redis.call in "return redis.call(...)" still reports the caller's line.
     */
    private LuaClosure tailCaller;
    private int tailCallerPc;
    /**
     * A tail-called library function may call back into Lua (gsub's replacement function, sort's
     * comparator) and raise after the callback returned. The caller's position is set aside here, at the
     * callback's index, for as long as the callback runs, and put back when it returns.
     */
    private final LuaClosure[] setAsideTailCallers = new LuaClosure[MAX_DEPTH];
    private final int[] setAsideTailCallerPcs = new int[MAX_DEPTH];
    private boolean anySetAside;
    private KillSwitch host;
    private boolean killed;
    private SourceLine killedAt;
    public void install(Globals globals) {
        globals.debuglib = this;
    }

    /** Starts a run: clears the stack and the kill flag. */
    public void start(KillSwitch host) {
        tailCaller = null;
        this.host = host;
        depth = 0;
        killed = false;
        countdown = HOOK_INSTRUCTIONS;
    }

    public void finish() {
        host = null;
        depth = 0;
        if (anySetAside) {
            Arrays.fill(setAsideTailCallers, null);
            anySetAside = false;
        }
    }

    boolean killed() {
        return killed;
    }

    /** Where the script stood when it was killed, for the error reply's "on @user_script:N.". */
    public SourceLine killedAt() {
        return killedAt;
    }

    @Override
    public void onCall(LuaFunction f) {
        push(null);
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        push(c);
    }

    private void push(LuaClosure c) {
        if (depth < MAX_DEPTH) {
            if (tailCaller == null) {
                setAsideTailCallers[depth] = null;
            } else if (setAsideTailCallers[depth] == null) {
                // a callback of a tail-called library function; a callback that itself ended in a tail
                // call keeps the outer caller here while the function it tail-called runs
                setAsideTailCallers[depth] = tailCaller;
                setAsideTailCallerPcs[depth] = tailCallerPc;
                anySetAside = true;
            }
            frames[depth] = c;
            pcs[depth] = 0;
        }
        tailCaller = null;
        depth++;
    }

    @Override
    public void onReturn() {
        if (depth > 0) {
            depth--;
            if (depth < MAX_DEPTH) {
                LuaClosure returning = frames[depth];
                int pc = pcs[depth];
                if (returning != null && pc >= 0 && pc < returning.p.code.length
                        && Lua.GET_OPCODE(returning.p.code[pc]) == Lua.OP_TAILCALL) {
                    tailCaller = returning;
                    tailCallerPc = pc;
                } else {
                    tailCaller = setAsideTailCallers[depth];
                    tailCallerPc = setAsideTailCallerPcs[depth];
                    setAsideTailCallers[depth] = null;
                }
                frames[depth] = null;
            }
        }
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        if (killed) {
            throw new ScriptKilledError();
        }
        tailCaller = null;
        if (depth > 0 && depth <= MAX_DEPTH) {
            pcs[depth - 1] = pc;
        }
        if (--countdown <= 0) {
            askHost();
        }
    }

    /**
     * Counts work a library function does without running Lua instructions (the steps of the pattern
     * matcher) as that many instructions, so the host is asked as often while it runs and SCRIPT KILL stops
     * it too. Redis's hook runs only between instructions, so it cannot stop a C function.
     */
    void charge(int instructions) {
        if (killed) {
            throw new ScriptKilledError();
        }
        countdown -= instructions;
        if (countdown <= 0) {
            askHost();
        }
    }

    private void askHost() {
        countdown = HOOK_INSTRUCTIONS;
        if (host != null && host.shouldKill()) {
            killed = true;
            killedAt = where(1);
            throw new ScriptKilledError();
        }
    }

    /**
     * luaj appends this to a string error when the innermost Lua function catches it, after its own
     * "source:LINE " prefix. Instead of a traceback we leave the length of that prefix and the position, so
     * {@link CaughtError} can rewrite the text as Lua 5.1 formats it. The innermost function is still our
     * top frame here: luaj calls this before the function's finally block reports its return.
     */
    @Override
    public String traceback(int level) {
        SourceLine at = where(1);
        if (at == null) {
            return "";
        }
        int filelineLength = at.source().length() + 1 + Integer.toString(at.line()).length();
        return CaughtError.MARK + Integer.toString(filelineLength) + CaughtError.MARK + at.source() + "\u0001" + at.line();
    }

    /**
     * The position ("user_script", line) of the Lua function {@code level} frames up (1 = the innermost),
     * or null when there is none or that frame is not a Lua function.
     */
    public SourceLine where(int level) {
        if (tailCaller != null) {
            if (level == 1) {
                return position(tailCaller, tailCallerPc);
            }
            level--;
        }
        int index = depth - level;
        if (index < 0 || index >= MAX_DEPTH || index >= depth) {
            return null;
        }
        return position(frames[index], pcs[index]);
    }

    private static SourceLine position(LuaClosure closure, int pc) {
        if (closure == null) {
            return null;
        }
        int[] lines = closure.p.lineinfo;
        int line = lines != null && pc >= 0 && pc < lines.length ? lines[pc] : -1;
        return new SourceLine(closure.p.source.tojstring(), line);
    }

    /** A chunk name as Lua keeps it ("@user_script") and a line. */
    public record SourceLine(String source, int line) {
        /** The "user_script:3:" prefix Lua 5.1's luaL_where puts before error messages. */
        String prefix() {
            String shortName = source.startsWith("@") || source.startsWith("=") ? source.substring(1) : source;
            return shortName + ":" + line + ": ";
        }
    }
}
