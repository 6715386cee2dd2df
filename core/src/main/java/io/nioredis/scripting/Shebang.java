package io.nioredis.scripting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the "#!" first line of scripts (evalExtractShebangFlags) and of function libraries
 * (functionExtractLibMetaData). The line is cut from the body but its line feed is kept, so line numbers in
 * error messages stay those of the user's text.
 */
final class Shebang {

    private Shebang() {}

    static boolean present(byte[] body) {
        return body.length >= 2 && body[0] == '#' && body[1] == '!';
    }

    /** Length of the first line without its line feed. */
    static int lineLength(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    static List<String> parts(byte[] body) {
        String line = new String(body, 0, lineLength(body), java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> parts = new ArrayList<>();
        for (String part : line.split(" ")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The flags of an EVAL script's "#!lua flags=a,b" line; throws with Redis's error texts. */
    static Set<ScriptFlag> scriptFlags(byte[] body) {
        List<String> parts = parts(body);
        if (parts.isEmpty() || !parts.get(0).equals("#!lua")) {
            throw new ScriptException("ERR Unexpected engine in script shebang: " + (parts.isEmpty() ? "" : parts.get(0)));
        }
        Set<ScriptFlag> flags = ScriptFlag.none();
        for (String part : parts.subList(1, parts.size())) {
            if (!part.startsWith("flags=")) {
                throw new ScriptException("ERR Unknown lua shebang option: " + part);
            }
            for (String name : part.substring("flags=".length()).split(",")) {
                if (name.isEmpty()) {
                    continue;
                }
                ScriptFlag flag = ScriptFlag.byName(name);
                if (flag == null) {
                    throw new ScriptException("ERR Unexpected flag in script shebang: " + name);
                }
                flags.add(flag);
            }
        }
        return flags;
    }

    /**
     * The library name of a FUNCTION LOAD payload's "#!lua name=lib" line, checked in
     * functionExtractLibMetaData's and functionsCreateWithLibraryCtx's order: metadata, name, engine.
     */
    static String libraryName(byte[] code) {
        if (!present(code)) {
            throw new ScriptException("ERR Missing library metadata");
        }
        List<String> parts = parts(code);
        if (lineLength(code) == code.length || parts.isEmpty()) {
            throw new ScriptException("ERR Invalid library metadata");
        }
        String engine = parts.get(0).substring(2);
        String name = null;
        for (String part : parts.subList(1, parts.size())) {
            if (part.regionMatches(true, 0, "name=", 0, 5)) {
                if (name != null) {
                    throw new ScriptException("ERR Invalid metadata value, name argument was given multiple times");
                }
                name = part.substring("name=".length());
            } else {
                throw new ScriptException("ERR Invalid metadata value given: " + part);
            }
        }
        if (name == null) {
            throw new ScriptException("ERR Library name was not given");
        }
        if (!validName(name)) {
            throw new ScriptException("ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
        }
        if (!engine.equalsIgnoreCase("lua")) {
            throw new ScriptException("ERR Engine '" + engine + "' not found");
        }
        return name;
    }

    /** Library and function names: letters, digits and '_', at least one. */
    static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
