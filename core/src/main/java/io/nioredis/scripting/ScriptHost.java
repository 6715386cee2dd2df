package io.nioredis.scripting;

import io.nioredis.scripting.lua51.KillSwitch;

/**
 * What a running script needs from the server; the command layer implements it for the client that runs
 * EVAL/FCALL. Called on the server thread only, while a script runs.
 */
public interface ScriptHost extends ScriptLog, KillSwitch {

    /**
     * Runs one command for redis.call (raiseErrors true) or redis.pcall (false) and returns its reply,
     * shaped for the protocol last given to {@link #setResp}. Errors (unknown command, wrong arity, writes
     * refused by script flags, -OOM...) come back as {@link ScriptReply.Error}; the engine raises them.
     * The arrays of {@code argv} may be the script's own strings: never change them, nor keep their bytes
     * beyond the call. An array passed again holds the same bytes (a Lua string never changes), so a host
     * may know a name it has seen before by its reference.
     */
    ScriptReply call(boolean raiseErrors, byte[][] argv);

    /**
     * Whether the command (and subcommand) exists, as redis.acl_check_cmd asks before the permission
     * check; a host without a command table knows every command.
     */
    default boolean knowsCommand(byte[][] argv) {
        return true;
    }

    /** redis.acl_check_cmd: whether the current user may run this command with these arguments. */
    default boolean aclCheck(byte[][] argv) {
        return true;
    }

    /** redis.setresp(2|3): the protocol in which {@link #call} should answer from now on. */
    default void setResp(int protocol) {}

    /** redis.set_repl(flags), with {@link RedisLib#REPL_NONE}... {@link RedisLib#REPL_ALL} bits. */
    default void setRepl(int flags) {}
}
