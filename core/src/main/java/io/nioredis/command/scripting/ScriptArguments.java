package io.nioredis.command.scripting;

import io.nioredis.command.Errors;
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

    /**
     * Why the numkeys argument is refused, as EVAL and FCALL check it in Redis's order (not an integer,
     * more than the arguments given, negative), or null; the caller names its own not-an-integer reply.
     */
    static byte[] numkeysRefusal(Request request, byte[] notInteger) {
        if (!request.isLong(2)) {
            return notInteger;
        }
        long numkeys = request.longValue(2);
        if (numkeys > request.argc() - 3) {
            return Errors.NUMKEYS_TOO_MANY;
        }
        return numkeys < 0 ? Errors.NUMKEYS_NEGATIVE : null;
    }

    static ScriptArguments of(Request request, int numkeys) {
        byte[][] command = new byte[request.argc()][];
        for (int i = 0; i < command.length; i++) {
            command[i] = request.copy(i);
        }
        return new ScriptArguments(command, numkeys);
    }
}
