package io.nioredis.scripting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * redis.register_function while a library loads, with function_lua.c's validation and error texts:
 * (name, callback) or a table of named arguments {function_name=, callback=, flags={...}, description=}.
 */
final class RegisterFunction extends VarArgFunction {

    private final RedisLib.RunState run;
    private String library;
    private Map<String, RegisteredFunction> registered;

    RegisterFunction(RedisLib.RunState run) {
        this.run = run;
    }

    void begin(String library) {
        this.library = library;
        this.registered = new LinkedHashMap<>();
    }

    Map<String, RegisteredFunction> end() {
        Map<String, RegisteredFunction> result = registered;
        registered = null;
        return result;
    }

    @Override
    public Varargs invoke(Varargs args) {
        if (registered == null) {
            throw RedisLib.raise(run, "redis.register_function can only be called on FUNCTION LOAD command");
        }
        String name;
        LuaValue callback;
        String description = null;
        Set<ScriptFlag> flags = ScriptFlag.none();
        if (args.narg() == 1) {
            if (!args.arg1().istable()) {
                throw RedisLib.raise(run, "calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
            }
            LuaTable named = (LuaTable) args.arg1();
            name = null;
            callback = null;
            LuaValue k = NIL;
            while (true) {
                Varargs next = named.next(k);
                k = next.arg1();
                if (k.isnil()) {
                    break;
                }
                LuaValue v = next.arg(2);
                if (k.type() != TSTRING) {
                    throw RedisLib.raise(run, "named argument key given to redis.register_function is not a string");
                }
                switch (k.tojstring()) {
                    case "function_name" -> {
                        if (v.type() != TSTRING) {
                            throw RedisLib.raise(run, "function_name argument given to redis.register_function must be a string");
                        }
                        name = v.tojstring();
                    }
                    case "description" -> {
                        if (v.type() != TSTRING) {
                            throw RedisLib.raise(run, "description argument given to redis.register_function must be a string");
                        }
                        description = v.tojstring();
                    }
                    case "callback" -> {
                        if (!v.isfunction()) {
                            throw RedisLib.raise(run, "callback argument given to redis.register_function must be a function");
                        }
                        callback = v;
                    }
                    case "flags" -> {
                        if (!v.istable()) {
                            throw RedisLib.raise(run, "flags argument to redis.register_function must be a table representing function flags");
                        }
                        for (int i = 1; !v.rawget(i).isnil(); i++) {
                            LuaValue flagName = v.rawget(i);
                            ScriptFlag flag = flagName.type() == TSTRING ? ScriptFlag.byName(flagName.tojstring()) : null;
                            if (flag == null) {
                                throw RedisLib.raise(run, "unknown flag given");
                            }
                            flags.add(flag);
                        }
                    }
                    default -> throw RedisLib.raise(run, "unknown argument given to redis.register_function");
                }
            }
            if (name == null) {
                throw RedisLib.raise(run, "redis.register_function must get a function name argument");
            }
            if (callback == null) {
                throw RedisLib.raise(run, "redis.register_function must get a callback argument");
            }
        } else if (args.narg() == 2) {
            if (args.arg1().type() != TSTRING) {
                throw RedisLib.raise(run, "first argument to redis.register_function must be a string");
            }
            if (!args.arg(2).isfunction()) {
                throw RedisLib.raise(run, "second argument to redis.register_function must be a function");
            }
            name = args.arg1().tojstring();
            callback = args.arg(2);
        } else {
            throw RedisLib.raise(run, "wrong number of arguments to redis.register_function");
        }
        // Redis 7.0 reports a bad function name with the library-name text.
        if (!Shebang.validName(name)) {
            throw RedisLib.raise(run, "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
        }
        if (registered.containsKey(name)) {
            throw RedisLib.raise(run, "Function already exists in the library");
        }
        registered.put(name, new RegisteredFunction(library, name, description, flags, (LuaFunction) callback));
        return NONE;
    }
}
