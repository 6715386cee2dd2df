package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs scripts on one shared engine and prints replies the way redis-cli --no-raw would show them. */
final class ScriptTesting {

    static final ScriptEngine ENGINE = ScriptEngine.create();

    private ScriptTesting() {}

    static ScriptReply eval(String script, String... keysThenArgs) {
        return eval(new MapHost(), script, 0, keysThenArgs);
    }

    static ScriptReply eval(MapHost host, String script, int numkeys, String... keysThenArgs) {
        byte[][] keys = new byte[numkeys][];
        byte[][] args = new byte[keysThenArgs.length - numkeys][];
        for (int i = 0; i < keysThenArgs.length; i++) {
            byte[] b = keysThenArgs[i].getBytes(StandardCharsets.UTF_8);
            if (i < numkeys) {
                keys[i] = b;
            } else {
                args[i - numkeys] = b;
            }
        }
        CompiledScript compiled = ENGINE.compile(script.getBytes(StandardCharsets.UTF_8));
        return ENGINE.eval(compiled, keys, args, host);
    }

    /** The reply as text: "(error) ...", "(integer) 1", "\"bulk\"", "(nil)", "[a, b]", "%{k=v}", "~[..]". */
    static String show(ScriptReply r) {
        if (r instanceof ScriptReply.Error e) {
            return "(error) " + e.text();
        } else if (r instanceof ScriptReply.Status s) {
            return s.text();
        } else if (r instanceof ScriptReply.Int i) {
            return "(integer) " + i.value();
        } else if (r instanceof ScriptReply.Bulk b) {
            return "\"" + new String(b.value(), StandardCharsets.ISO_8859_1) + "\"";
        } else if (r instanceof ScriptReply.Null) {
            return "(nil)";
        } else if (r instanceof ScriptReply.Array a) {
            return showAll("[", a.items(), "]");
        } else if (r instanceof ScriptReply.MapReply m) {
            return showAll("%{", m.keysAndValues(), "}");
        } else if (r instanceof ScriptReply.SetReply s) {
            return showAll("~[", s.items(), "]");
        } else if (r instanceof ScriptReply.Double d) {
            return "(double) " + d.value();
        } else if (r instanceof ScriptReply.BigNumber b) {
            return "(big number) " + b.digits();
        } else if (r instanceof ScriptReply.Bool b) {
            return "(" + b.value() + ")";
        }
        return r.toString();
    }

    private static String showAll(String open, List<ScriptReply> items, String close) {
        List<String> parts = new ArrayList<>();
        for (ScriptReply item : items) {
            parts.add(show(item));
        }
        return open + String.join(", ", parts) + close;
    }

    static String run(String script, String... keysThenArgs) {
        return show(eval(script, keysThenArgs));
    }

    /** The reply as {@link #show} prints it, an error without its " script: sha, on @user_script:1." tail. */
    static String reply(String script) {
        String shown = show(eval(script));
        int tail = shown.indexOf(" script: ");
        return tail < 0 ? shown : shown.substring(0, tail);
    }

    /** Each case is {expression, the reply redis-server 7.0 gave to EVAL "return expression" 0}. */
    static void assertRedisReplies(String[][] cases) {
        for (String[] c : cases) {
            assertThat(reply("return " + c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }
}
