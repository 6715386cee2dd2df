package io.nioredis.scripting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny stand-in for the command layer: PING, GET, SET, INCR, HGETALL, SMEMBERS on a map, and OOM, which
 * fails as an allocation past Java's array limit does.
 */
final class MapHost implements ScriptHost {

    final Map<String, byte[]> strings = new HashMap<>();
    final List<String> logged = new ArrayList<>();
    int resp = 2;
    int repl = -1;
    int killAfterChecks = -1;
    int checks;

    @Override
    public ScriptReply call(boolean raiseErrors, byte[][] argv) {
        String name = new String(argv[0], StandardCharsets.UTF_8).toLowerCase();
        switch (name) {
            case "ping":
                return new ScriptReply.Status("PONG");
            case "oom":
                throw new OutOfMemoryError("Required array length 2147483639 + 9 is too large");
            case "get":
                if (argv.length != 2) {
                    return new ScriptReply.Error("ERR Wrong number of args calling Redis command from script");
                }
                byte[] v = strings.get(s(argv[1]));
                return v == null ? ScriptReply.NULL : new ScriptReply.Bulk(v);
            case "set":
                strings.put(s(argv[1]), argv[2]);
                return ScriptReply.OK;
            case "incr": {
                byte[] old = strings.get(s(argv[1]));
                long n;
                try {
                    n = old == null ? 0 : Long.parseLong(s(old));
                } catch (NumberFormatException e) {
                    return new ScriptReply.Error("ERR value is not an integer or out of range");
                }
                strings.put(s(argv[1]), Long.toString(n + 1).getBytes(StandardCharsets.UTF_8));
                return new ScriptReply.Int(n + 1);
            }
            case "hgetall":
                List<ScriptReply> kv = List.of(bulk("f"), bulk("v"));
                return resp == 3 ? new ScriptReply.MapReply(kv) : new ScriptReply.Array(kv);
            case "smembers":
                return resp == 3 ? new ScriptReply.SetReply(List.of(bulk("m"))) : new ScriptReply.Array(List.of(bulk("m")));
            default:
                return new ScriptReply.Error("ERR Unknown Redis command called from script");
        }
    }

    static ScriptReply bulk(String s) {
        return new ScriptReply.Bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void log(int level, byte[] message) {
        logged.add(level + " " + s(message));
    }

    @Override
    public void setResp(int protocol) {
        resp = protocol;
    }

    @Override
    public void setRepl(int flags) {
        repl = flags;
    }

    @Override
    public boolean shouldKill() {
        checks++;
        return killAfterChecks >= 0 && checks > killAfterChecks;
    }
}
