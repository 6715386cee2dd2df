package io.nioredis.scripting.libs;

import io.nioredis.scripting.lua51.Strtod;
import java.io.ByteArrayOutputStream;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * cjson.decode: lua_cjson's tokenizer and parser, with its error texts ("Expected value but found T_END at
 * character 4"): positions count from 1, found tokens are named T_..., a bad token by its problem.
 */
final class JsonDecoder {

    private static final int MAX_DEPTH = 1000;

    private final LuaString text;
    private int pos;
    private int depth;

    // the current token
    private String type;
    private int tokenStart;
    private LuaValue value;
    private String problem;

    JsonDecoder(LuaString text) {
        this.text = text;
    }

    LuaValue decodeDocument() {
        next();
        LuaValue result = parseValue();
        next();
        if (!type.equals("T_END")) {
            fail("the end");
        }
        return result;
    }

    private LuaValue parseValue() {
        switch (type) {
            case "T_STRING", "T_NUMBER", "T_BOOLEAN":
                return value;
            case "T_NULL":
                return CjsonLib.NULL;
            case "T_OBJ_BEGIN":
                return parseObject();
            case "T_ARR_BEGIN":
                return parseArray();
            default:
                throw fail("value");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new LuaError("Found too many nested data structures (" + depth + ") at character " + (tokenStart + 1));
        }
    }

    private LuaValue parseObject() {
        enter();
        LuaTable table = new LuaTable();
        next();
        if (type.equals("T_OBJ_END")) {
            depth--;
            return table;
        }
        while (true) {
            if (!type.equals("T_STRING")) {
                throw fail("object key string");
            }
            LuaValue key = value;
            next();
            if (!type.equals("T_COLON")) {
                throw fail("colon");
            }
            next();
            table.rawset(key, parseValue());
            next();
            if (type.equals("T_OBJ_END")) {
                depth--;
                return table;
            }
            if (!type.equals("T_COMMA")) {
                throw fail("comma or object end");
            }
            next();
        }
    }

    private LuaValue parseArray() {
        enter();
        LuaTable table = new LuaTable();
        next();
        if (type.equals("T_ARR_END")) {
            depth--;
            return table;
        }
        for (int i = 1; ; i++) {
            table.rawset(i, parseValue());
            next();
            if (type.equals("T_ARR_END")) {
                depth--;
                return table;
            }
            if (!type.equals("T_COMMA")) {
                throw fail("comma or array end");
            }
            next();
        }
    }

    private LuaError fail(String expected) {
        String found = type.equals("T_ERROR") ? problem : type;
        throw new LuaError("Expected " + expected + " but found " + found + " at character " + (tokenStart + 1));
    }

    private void next() {
        int n = text.length();
        while (pos < n && isSpace(text.luaByte(pos))) {
            pos++;
        }
        tokenStart = pos;
        if (pos >= n) {
            type = "T_END";
            return;
        }
        int c = text.luaByte(pos);
        switch (c) {
            case '{' -> single("T_OBJ_BEGIN");
            case '}' -> single("T_OBJ_END");
            case '[' -> single("T_ARR_BEGIN");
            case ']' -> single("T_ARR_END");
            case ':' -> single("T_COLON");
            case ',' -> single("T_COMMA");
            case '"' -> string();
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else if (word("true")) {
                    type = "T_BOOLEAN";
                    value = LuaValue.TRUE;
                } else if (word("false")) {
                    type = "T_BOOLEAN";
                    value = LuaValue.FALSE;
                } else if (word("null")) {
                    type = "T_NULL";
                } else if (c == '+' || startsWithIgnoringCase("inf") || startsWithIgnoringCase("nan")) {
                    // decode_invalid_numbers, on by default: what JSON calls no number strtod may still read
                    number();
                } else {
                    error("invalid token");
                }
            }
        }
    }

    private void single(String tokenType) {
        type = tokenType;
        pos++;
    }

    private boolean word(String w) {
        if (pos + w.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (text.luaByte(pos + i) != w.charAt(i)) {
                return false;
            }
        }
        pos += w.length();
        return true;
    }

    private void error(String what) {
        type = "T_ERROR";
        problem = what;
    }

    /** fpconv_strtod at the token: as much as strtod reads (hex, inf, nan, leading zeros included). */
    private void number() {
        byte[] b = text.m_bytes;
        int from = text.m_offset + pos;
        int end = Strtod.end(b, from, text.m_offset + text.m_length);
        if (end == from) {
            error("invalid number");
            return;
        }
        value = LuaValue.valueOf(Strtod.value(b, from, end));
        type = "T_NUMBER";
        pos += end - from;
    }

    private boolean startsWithIgnoringCase(String w) {
        if (pos + w.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if ((text.luaByte(pos + i) | 0x20) != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A string token. An error inside it is reported where lua_cjson's pointer stands: the backslash of a
     * bad escape, the end (or a NUL byte, where the C text ends) of an unterminated string.
     */
    private void string() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pos++;
        int n = text.length();
        while (true) {
            int c = pos < n ? text.luaByte(pos) : 0;
            if (c == 0) {
                errorHere("unexpected end of string");
                return;
            }
            if (c == '"') {
                pos++;
                break;
            }
            if (c != '\\') {
                out.write(c);
                pos++;
                continue;
            }
            int e = pos + 1 < n ? text.luaByte(pos + 1) : 0;
            switch (e) {
                case '"', '\\', '/' -> out.write(e);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'u' -> {
                    int consumed = unicode(out);
                    if (consumed < 0) {
                        errorHere("invalid unicode escape code");
                        return;
                    }
                    pos += consumed;
                    continue;
                }
                default -> {
                    errorHere("invalid escape code");
                    return;
                }
            }
            pos += 2;
        }
        type = "T_STRING";
        value = LuaValue.valueOf(out.toByteArray());
    }

    private void errorHere(String what) {
        tokenStart = pos;
        error(what);
    }

    /** A \\uXXXX escape (a surrogate pair takes two) written as UTF-8; the bytes consumed or -1. */
    private int unicode(ByteArrayOutputStream out) {
        int high = hex4(pos + 2);
        if (high < 0) {
            return -1;
        }
        int codepoint = high;
        int consumed = 6;
        if (high >= 0xD800 && high <= 0xDBFF) {
            if (pos + 7 < text.length() && text.luaByte(pos + 6) == '\\' && text.luaByte(pos + 7) == 'u') {
                int low = hex4(pos + 8);
                if (low < 0xDC00 || low > 0xDFFF) {
                    return -1;
                }
                codepoint = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                consumed = 12;
            } else {
                return -1;
            }
        } else if (high >= 0xDC00 && high <= 0xDFFF) {
            return -1;
        }
        out.writeBytes(new String(Character.toChars(codepoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return consumed;
    }

    private int hex4(int at) {
        if (at + 4 > text.length()) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.luaByte(at + i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
