package io.nioredis.scripting.lua51;

/**
 * What {@link CallTracker} asks every {@link CallTracker#HOOK_INSTRUCTIONS} Lua instructions: whether to stop
 * the running script (SCRIPT KILL, FUNCTION KILL, a shutdown, a library's load that ran too long).
 */
public interface KillSwitch {
    /**
     * The host serves other clients (-BUSY) once the busy threshold has passed, and answers true when the
     * script is to stop. The engine then unwinds the script; pcall cannot catch it.
     */
    default boolean shouldKill() {
        return false;
    }
}
