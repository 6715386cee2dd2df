package io.nioredis.scripting;

import java.util.Set;

import org.luaj.vm2.LuaFunction;

/**
 * An EVAL body compiled once and kept by its SHA1. {@code shebang} is false for a body without a "#!lua"
 * line: Redis then runs it in compatibility mode (writes allowed whatever the flags, no OOM checks before
 * it starts), and {@code flags} is empty.
 */
public record CompiledScript(String sha, boolean shebang, Set<ScriptFlag> flags, LuaFunction function) {}
