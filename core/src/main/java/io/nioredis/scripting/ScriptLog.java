package io.nioredis.scripting;

/**
 * Where redis.log writes, from a script run or a library being loaded: the server's log, which drops lines
 * below its loglevel.
 */
@FunctionalInterface
public interface ScriptLog {
    /** level is one of {@link RedisLib#LOG_DEBUG} ... {@link RedisLib#LOG_WARNING}. */
    void log(int level, byte[] message);
}
