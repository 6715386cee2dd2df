package io.nioredis.command.scripting;

import io.nioredis.resp.Request;
import java.util.Arrays;

/**
 * The "numkeys key... arg..." tail of EVAL, EVALSHA and FCALL, copied out of the request: the script keeps
 * them while other clients' requests are read during a long run.
 */
final class ScriptArguments {
    /** The whole command, for FUNCTION STATS. */
    final byte[][] command;
    final byte[][] keys;
    final byte[][] args;

    private ScriptArguments(byte[][] command, int numkeys) {
        this.command = command;
        this.keys = Arrays.copyOfRange(command, 3, 3 + numkeys);
        this.args = Arrays.copyOfRange(command, 3 + numkeys, command.length);
    }

    /** Numkeys as Redis checks it: -1 if it is not an integer, else the value (the caller checks range). */
    static long numkeys(Request request) {
        return request.isLong(2) ? request.longValue(2) : Long.MIN_VALUE;
    }

    static boolean notInteger(long numkeys) {
        return numkeys == Long.MIN_VALUE;
    }

    static ScriptArguments of(Request request, int numkeys) {
        byte[][] command = new byte[request.argc()][];
        for (int i = 0; i < command.length; i++) {
            command[i] = request.copy(i);
        }
        return new ScriptArguments(command, numkeys);
    }
}
