package io.nioredis.scripting;

import java.util.Set;

import org.luaj.vm2.LuaFunction;

/** A function a library registered with redis.register_function, as FCALL finds it. */
public record RegisteredFunction(String library, String name, String description, Set<ScriptFlag> flags,
        LuaFunction callback) {}
