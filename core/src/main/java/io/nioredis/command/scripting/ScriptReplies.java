package io.nioredis.command.scripting;

import io.nioredis.resp.RespWriter;
import io.nioredis.scripting.ScriptReply;
import java.nio.charset.StandardCharsets;

/**
 * Writes a script's result in the caller's protocol, as Redis's luaReplyToRedisReply does through the
 * addReply* functions: a RESP2 caller gets maps as flat arrays, sets as arrays, doubles and big numbers as
 * bulk strings, booleans as 1 and 0, nulls as $-1.
 */
final class ScriptReplies {
    private ScriptReplies() {}

    static void write(RespWriter out, ScriptReply reply) {
        if (reply instanceof ScriptReply.Bulk bulk) {
            out.bulk(bulk.value());
        } else if (reply instanceof ScriptReply.Int n) {
            out.integer(n.value());
        } else if (reply instanceof ScriptReply.Status status) {
            out.simpleString(status.text());
        } else if (reply instanceof ScriptReply.Error error) {
            out.error(error.text());
        } else if (reply instanceof ScriptReply.Null) {
            out.nullValue();
        } else if (reply instanceof ScriptReply.Array array) {
            out.arrayHeader(array.items().size());
            for (ScriptReply item : array.items()) {
                write(out, item);
            }
        } else if (reply instanceof ScriptReply.MapReply map) {
            out.mapHeader(map.keysAndValues().size() / 2);
            for (ScriptReply item : map.keysAndValues()) {
                write(out, item);
            }
        } else if (reply instanceof ScriptReply.SetReply set) {
            out.setHeader(set.items().size());
            for (ScriptReply item : set.items()) {
                write(out, item);
            }
        } else if (reply instanceof ScriptReply.Double d) {
            out.doubleValue(d.value());
        } else if (reply instanceof ScriptReply.Bool bool) {
            out.bool(bool.value());
        } else if (reply instanceof ScriptReply.BigNumber big) {
            if (out.protocol() == 3) {
                out.raw(("(" + big.digits() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.bulk(big.digits());
            }
        } else if (reply instanceof ScriptReply.Verbatim verbatim) {
            if (out.protocol() == 3) {
                byte[] format = verbatim.format().getBytes(StandardCharsets.ISO_8859_1);
                byte[] text = verbatim.text();
                out.raw(("=" + (format.length + 1 + text.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.raw(format);
                out.raw(new byte[] {':'});
                out.raw(text);
                out.raw(new byte[] {'\r', '\n'});
            } else {
                out.bulk(verbatim.text());
            }
        }
    }
}
