package io.nioredis.scripting;

import io.nioredis.scripting.lua51.Lua51Library;
import io.nioredis.scripting.lua51.Tonumber;
import java.util.ArrayList;
import java.util.List;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The conversions between Lua values and replies, as Redis 7.0's luaReplyToRedisReply and
 * redisProtocolToLuaType do them.
 */
final class LuaReplies {

    static final LuaString ERR_KEY = LuaValue.valueOf("err");
    static final LuaString OK_KEY = LuaValue.valueOf("ok");
    private static final LuaString DOUBLE = LuaValue.valueOf("double");
    private static final LuaString BIG_NUMBER = LuaValue.valueOf("big_number");
    private static final LuaString VERBATIM = LuaValue.valueOf("verbatim_string");
    private static final LuaString FORMAT = LuaValue.valueOf("format");
    private static final LuaString STRING = LuaValue.valueOf("string");
    private static final LuaString MAP = LuaValue.valueOf("map");
    private static final LuaString SET = LuaValue.valueOf("set");

    private LuaReplies() {}

    /**
     * A script's return value as a reply. Numbers truncate to integers, true is 1 and false nil under
     * RESP2 (booleans under RESP3), a table is an error/status/RESP3 value by its field or else an array
     * of its elements up to the first nil.
     */
    static ScriptReply toReply(LuaValue v, int resp) {
        switch (v.type()) {
            case LuaValue.TSTRING:
                return new ScriptReply.Bulk(Lua51Library.bytes(v.checkstring()));
            case LuaValue.TNUMBER:
                return new ScriptReply.Int(Tonumber.truncate(v.todouble()));
            case LuaValue.TBOOLEAN:
                if (resp == 2) {
                    return v.toboolean() ? new ScriptReply.Int(1) : ScriptReply.NULL;
                }
                return new ScriptReply.Bool(v.toboolean());
            case LuaValue.TTABLE:
                return tableToReply((LuaTable) v, resp);
            default:
                return ScriptReply.NULL;
        }
    }

    private static ScriptReply tableToReply(LuaTable t, int resp) {
        LuaValue err = t.rawget(ERR_KEY);
        if (err.type() == LuaValue.TSTRING) {
            return new ScriptReply.Error(errorText(err.tojstring()));
        }
        LuaValue ok = t.rawget(OK_KEY);
        if (ok.type() == LuaValue.TSTRING) {
            return new ScriptReply.Status(singleLine(ok.tojstring()));
        }
        LuaValue dbl = t.rawget(DOUBLE);
        if (dbl.type() == LuaValue.TNUMBER) {
            return new ScriptReply.Double(dbl.todouble());
        }
        LuaValue big = t.rawget(BIG_NUMBER);
        if (big.type() == LuaValue.TSTRING) {
            return new ScriptReply.BigNumber(singleLine(big.tojstring()));
        }
        LuaValue verbatim = t.rawget(VERBATIM);
        if (verbatim.istable()) {
            LuaValue format = verbatim.rawget(FORMAT);
            LuaValue text = verbatim.rawget(STRING);
            if (format.type() == LuaValue.TSTRING && text.type() == LuaValue.TSTRING) {
                return new ScriptReply.Verbatim(format.tojstring(), Lua51Library.bytes(text.checkstring()));
            }
        }
        LuaValue map = t.rawget(MAP);
        if (map.istable()) {
            List<ScriptReply> items = new ArrayList<>();
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs next = map.next(k);
                k = next.arg1();
                if (k.isnil()) {
                    break;
                }
                items.add(toReply(k, resp));
                items.add(toReply(next.arg(2), resp));
            }
            return new ScriptReply.MapReply(items);
        }
        LuaValue set = t.rawget(SET);
        if (set.istable()) {
            List<ScriptReply> items = new ArrayList<>();
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs next = set.next(k);
                k = next.arg1();
                if (k.isnil()) {
                    break;
                }
                items.add(toReply(k, resp));
            }
            return new ScriptReply.SetReply(items);
        }
        List<ScriptReply> items = new ArrayList<>();
        for (int i = 1; ; i++) {
            LuaValue item = t.rawget(i);
            if (item.isnil()) {
                break;
            }
            items.add(toReply(item, resp));
        }
        return new ScriptReply.Array(items);
    }

    /**
     * An err field as Redis replies it ("-%s" through addReplyErrorFormat): newlines become spaces and a
     * text starting with '-' loses it. The text already carries its code.
     */
    static String errorText(String err) {
        String text = singleLine(err);
        return text.startsWith("-") ? text.substring(1) : text;
    }

    private static String singleLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * A reply as the Lua value redis.call returns: integer to number, bulk to string, status to {ok=},
     * error to {err=}, array to table; a null is false under RESP2 and nil under RESP3; RESP3 maps, sets,
     * doubles, big numbers and verbatim strings become {map=}, {set=}, {double=}, {big_number=} and
     * {verbatim_string={format=, string=}}, booleans Lua booleans.
     */
    static LuaValue toLua(ScriptReply reply, int resp) {
        if (reply instanceof ScriptReply.Bulk bulk) {
            return LuaString.valueUsing(bulk.value());
        } else if (reply instanceof ScriptReply.Int integer) {
            return LuaValue.valueOf((double) integer.value());
        } else if (reply instanceof ScriptReply.Status status) {
            return tableWith(OK_KEY, LuaValue.valueOf(status.text()));
        } else if (reply instanceof ScriptReply.Error error) {
            return tableWith(ERR_KEY, LuaValue.valueOf(error.text()));
        } else if (reply instanceof ScriptReply.Null) {
            return resp == 2 ? LuaValue.FALSE : LuaValue.NIL;
        } else if (reply instanceof ScriptReply.Array array) {
            LuaTable t = new LuaTable(array.items().size(), 0);
            int i = 1;
            for (ScriptReply item : array.items()) {
                t.rawset(i++, toLua(item, resp));
            }
            return t;
        } else if (reply instanceof ScriptReply.MapReply map) {
            LuaTable inner = new LuaTable();
            List<ScriptReply> kv = map.keysAndValues();
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                inner.rawset(toLua(kv.get(i), resp), toLua(kv.get(i + 1), resp));
            }
            return tableWith(MAP, inner);
        } else if (reply instanceof ScriptReply.SetReply set) {
            LuaTable inner = new LuaTable();
            for (ScriptReply item : set.items()) {
                inner.rawset(toLua(item, resp), LuaValue.TRUE);
            }
            return tableWith(SET, inner);
        } else if (reply instanceof ScriptReply.Double d) {
            return tableWith(DOUBLE, LuaValue.valueOf(d.value()));
        } else if (reply instanceof ScriptReply.BigNumber big) {
            return tableWith(BIG_NUMBER, LuaValue.valueOf(big.digits()));
        } else if (reply instanceof ScriptReply.Bool bool) {
            return LuaValue.valueOf(bool.value());
        } else if (reply instanceof ScriptReply.Verbatim verbatim) {
            LuaTable inner = new LuaTable();
            inner.rawset(FORMAT, LuaValue.valueOf(verbatim.format()));
            inner.rawset(STRING, LuaString.valueUsing(verbatim.text()));
            return tableWith(VERBATIM, inner);
        }
        throw new IllegalArgumentException("unknown reply " + reply);
    }

    static LuaTable tableWith(LuaString key, LuaValue value) {
        LuaTable t = new LuaTable(0, 1);
        t.rawset(key, value);
        return t;
    }

    /**
     * An error table as luaPushErrorBuff builds it from a text: "-CODE msg" keeps its code, a text
     * without the leading '-' gets the generic "ERR" code.
     */
    static LuaTable errorTable(String text) {
        String full;
        if (text.startsWith("-")) {
            int space = text.indexOf(' ');
            full = space < 0 ? "ERR " + text.substring(1) : text.substring(1, space) + " " + text.substring(space + 1);
        } else {
            full = "ERR " + text;
        }
        return tableWith(ERR_KEY, LuaValue.valueOf(full));
    }
}
