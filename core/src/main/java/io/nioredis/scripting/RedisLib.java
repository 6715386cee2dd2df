package io.nioredis.scripting;

import io.nioredis.scripting.lua51.CNumberFormat;
import io.nioredis.scripting.lua51.CallTracker;
import io.nioredis.scripting.lua51.Lua51Library;
import io.nioredis.scripting.lua51.RaisedError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code redis} table of Redis 7.0's script_lua.c: call/pcall through the {@link ScriptHost},
 * error_reply/status_reply, sha1hex, log, setresp, set_repl, the version and the constants. Errors that
 * Redis raises with luaPushError + luaError are raised here as {err=...} tables, so they reach the caller
 * without a "user_script:N:" prefix, as in Redis.
 */
final class RedisLib {

    static final int LOG_DEBUG = 0;
    static final int LOG_VERBOSE = 1;
    static final int LOG_NOTICE = 2;
    static final int LOG_WARNING = 3;
    static final int REPL_NONE = 0;
    static final int REPL_AOF = 1;
    static final int REPL_REPLICA = 2;
    static final int REPL_ALL = 3;
    static final String REDIS_VERSION = "7.0.15";
    static final int REDIS_VERSION_NUM = 0x07000f;

    /** The state of the running script the functions act on. */
    static final class RunState {
        ScriptHost host;
        int resp = 2;
        CallTracker tracker;
        /**
         * The argument arrays of redis.call by their length, up to 8, reused call after call: the host keeps
         * none, and each is emptied after its call so that it holds no string of the script's.
         */
        private final byte[][][] argvs = new byte[9][][];

        byte[][] argv(int n) {
            if (n >= argvs.length) {
                return new byte[n][];
            }
            byte[][] argv = argvs[n];
            return argv != null ? argv : (argvs[n] = new byte[n][]);
        }

        static void release(byte[][] argv) {
            Arrays.fill(argv, null);
        }
    }

    private RedisLib() {}

    /** The full runtime API, as EVAL and FCALL bodies see it. */
    static LuaTable runtime(RunState run) {
        LuaTable redis = new LuaTable();
        redis.set("call", new Call(run, true));
        redis.set("pcall", new Call(run, false));
        redis.set("error_reply", new ReplyTable(LuaReplies.ERR_KEY));
        redis.set("status_reply", new ReplyTable(LuaReplies.OK_KEY));
        redis.set("sha1hex", new Sha1hex(run));
        redis.set("log", new Log(run));
        redis.set("setresp", new Setresp(run));
        redis.set("set_repl", new SetRepl(run));
        redis.set("replicate_commands", new Constant(LuaValue.TRUE));
        redis.set("breakpoint", new Constant(LuaValue.FALSE));
        redis.set("debug", new Constant(LuaValue.NONE));
        redis.set("acl_check_cmd", new AclCheck(run));
        redis.set("REPL_NONE", REPL_NONE);
        redis.set("REPL_AOF", REPL_AOF);
        redis.set("REPL_SLAVE", REPL_REPLICA);
        redis.set("REPL_REPLICA", REPL_REPLICA);
        redis.set("REPL_ALL", REPL_ALL);
        addLogAndVersion(redis, run);
        return redis;
    }

    static void addLogAndVersion(LuaTable redis, RunState run) {
        redis.set("log", new Log(run));
        redis.set("LOG_DEBUG", LOG_DEBUG);
        redis.set("LOG_VERBOSE", LOG_VERBOSE);
        redis.set("LOG_NOTICE", LOG_NOTICE);
        redis.set("LOG_WARNING", LOG_WARNING);
        redis.set("REDIS_VERSION", REDIS_VERSION);
        redis.set("REDIS_VERSION_NUM", REDIS_VERSION_NUM);
    }

    /** Raises an {err="ERR msg"} table as luaPushError + luaError do. */
    static RaisedError raise(RunState run, String message) {
        return new RaisedError(LuaReplies.errorTable(message), run.tracker.where(1));
    }

    static final class Call extends VarArgFunction {
        private final RunState run;
        private final boolean raiseErrors;

        Call(RunState run, boolean raiseErrors) {
            this.run = run;
            this.raiseErrors = raiseErrors;
        }

        @Override
        public Varargs invoke(Varargs args) {
            byte[][] argv;
            try {
                argv = arguments(run, args);
            } catch (RaisedError refused) {
                if (raiseErrors) {
                    throw refused;
                }
                return refused.value; // redis.pcall hands back the error table (luaRedisGenericCommand)
            }
            ScriptReply reply;
            try {
                reply = run.host.call(raiseErrors, argv);
            } finally {
                RunState.release(argv);
            }
            if (reply instanceof ScriptReply.Error error) {
                LuaTable table = LuaReplies.tableWith(LuaReplies.ERR_KEY, LuaValue.valueOf(error.text()));
                if (raiseErrors) {
                    throw new RaisedError(table, run.tracker.where(1));
                }
                return table;
            }
            return LuaReplies.toLua(reply, run.resp);
        }
    }

    /**
     * luaArgsToRedisArgv: strings as they are, numbers as "%.17g" (Redis avoids Lua's lossy "%.14g"
     * here), anything else refused. The array is the run's, for {@link RunState#release} after the call.
     */
    static byte[][] arguments(RunState run, Varargs args) {
        int n = args.narg();
        if (n == 0) {
            throw raise(run, "Please specify at least one argument for this redis lib call");
        }
        byte[][] argv = run.argv(n);
        for (int i = 0; i < n; i++) {
            LuaValue v = args.arg(i + 1);
            if (v instanceof LuaNumber) {
                double d = v.todouble();
                argv[i] = (d == (long) d && Math.abs(d) < 1e17 && !(d == 0 && 1 / d < 0)
                        ? Long.toString((long) d) : CNumberFormat.g(d, 17, false)).getBytes(StandardCharsets.US_ASCII);
            } else if (v.type() == LuaValue.TSTRING) {
                argv[i] = argument(v.checkstring());
            } else {
                RunState.release(argv);
                throw raise(run, "Lua redis lib command arguments must be strings or integers");
            }
        }
        return argv;
    }

    /**
     * The string's bytes without a copy when it spans its whole array, as KEYS, ARGV and the replies of
     * redis.call do: the host only reads the arguments, and a Lua string never changes.
     */
    private static byte[] argument(LuaString s) {
        return s.m_offset == 0 && s.m_length == s.m_bytes.length ? s.m_bytes : Lua51Library.bytes(s);
    }

    /** redis.error_reply / redis.status_reply: exactly one string, else a returned (not raised) error. */
    static final class ReplyTable extends VarArgFunction {
        private final LuaString field;

        ReplyTable(LuaString field) {
            this.field = field;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() != 1 || args.arg1().type() != LuaValue.TSTRING) {
                return LuaReplies.errorTable("wrong number or type of arguments");
            }
            String text = args.arg1().tojstring();
            if (field == LuaReplies.ERR_KEY) {
                return LuaReplies.errorTable(text.startsWith("-") ? text : "-" + text);
            }
            return LuaReplies.tableWith(field, args.arg1());
        }
    }

    static final class Sha1hex extends VarArgFunction {
        private final RunState run;

        Sha1hex(RunState run) {
            this.run = run;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() != 1) {
                throw raise(run, "wrong number of arguments");
            }
            LuaValue v = args.arg1();
            byte[] body = v instanceof LuaNumber ? CNumberFormat.lua(v.todouble()).getBytes(StandardCharsets.US_ASCII)
                    : v.isstring() ? Lua51Library.bytes(v.checkstring()) : new byte[0];
            return LuaValue.valueOf(sha1hex(body));
        }
    }

    static String sha1hex(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(body);
            StringBuilder hex = new StringBuilder(40);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    static final class Log extends VarArgFunction {
        private final RunState run;

        Log(RunState run) {
            this.run = run;
        }

        @Override
        public Varargs invoke(Varargs args) {
            int argc = args.narg();
            if (argc < 2) {
                throw raise(run, "redis.log() requires two arguments or more.");
            }
            if (!args.arg1().isnumber()) {
                throw raise(run, "First argument must be a number (log level).");
            }
            int level = (int) args.arg1().todouble();
            if (level < LOG_DEBUG || level > LOG_WARNING) {
                throw raise(run, "Invalid debug level.");
            }
            StringBuilder message = new StringBuilder();
            for (int i = 2; i <= argc; i++) {
                LuaValue v = args.arg(i);
                if (v.isstring()) {
                    if (i != 2) {
                        message.append(' ');
                    }
                    message.append(v instanceof LuaNumber ? CNumberFormat.lua(v.todouble()) : v.tojstring());
                }
            }
            run.host.log(level, message.toString().getBytes(StandardCharsets.UTF_8));
            return NONE;
        }
    }

    static final class Setresp extends VarArgFunction {
        private final RunState run;

        Setresp(RunState run) {
            this.run = run;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() != 1) {
                throw raise(run, "redis.setresp() requires one argument.");
            }
            int resp = (int) args.checkdouble(1);
            if (resp != 2 && resp != 3) {
                throw raise(run, "RESP version must be 2 or 3.");
            }
            run.resp = resp;
            run.host.setResp(resp);
            return NONE;
        }
    }

    static final class SetRepl extends VarArgFunction {
        private final RunState run;

        SetRepl(RunState run) {
            this.run = run;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() != 1) {
                throw raise(run, "redis.set_repl() requires two arguments.");
            }
            int flags = (int) args.checkdouble(1);
            if ((flags & ~REPL_ALL) != 0) {
                throw raise(run, "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
            }
            run.host.setRepl(flags);
            return NONE;
        }
    }

    static final class AclCheck extends VarArgFunction {
        private final RunState run;

        AclCheck(RunState run) {
            this.run = run;
        }

        @Override
        public Varargs invoke(Varargs args) {
            byte[][] argv = arguments(run, args);
            try {
                if (!run.host.knowsCommand(argv)) {
                    throw raise(run, "Invalid command passed to redis.acl_check_cmd()");
                }
                return LuaValue.valueOf(run.host.aclCheck(argv));
            } finally {
                RunState.release(argv);
            }
        }
    }

    static final class Constant extends VarArgFunction {
        private final Varargs value;

        Constant(Varargs value) {
            this.value = value;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return value;
        }
    }

}
