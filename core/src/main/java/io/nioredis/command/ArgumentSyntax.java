package io.nioredis.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a command's argument structure from one compact line, so a declaration states it as a reader of
 * the docs would. The grammar:
 * <pre>
 *   key                 a value named "key" (its type follows from the name; key names are keys)
 *   name#integer        a value with its type stated: string integer double key pattern unix-time
 *   NX                  a pure token (upper case)
 *   equal='='           a pure token that is not a word, quoted, with its name
 *   EX:seconds          a token followed by a value
 *   GET::pattern...     the token repeats with each value (multiple_token); also before a block
 *   LIMIT:(offset count) a token followed by a block
 *   [ ... ]  ( ... )    an optional or required group: alternatives split by |, else a block
 *   name=[ ... ]        a named group; name=NX names a token
 *   item...             the item repeats
 *   item@6.2.0          the item was added in that version (COMMAND DOCS "since")
 * </pre>
 * For example SET is {@code key value [condition=[NX|XX]] [GET] [expiration=[EX:seconds|PX:milliseconds|KEEPTTL]]}.
 */
final class ArgumentSyntax {
    private static final Set<String> INTEGER_NAMES = Set.of("count", "offset", "index", "start", "end", "stop",
            "db", "numkeys", "seconds", "milliseconds", "len", "rank", "num-matches", "cursor", "port", "limit",
            "decrement", "numreplicas", "id", "numlocks", "bit", "ttl", "increment", "destination-db",
            "maxlen", "total", "numerator", "denominator", "pivot-index", "timeout-ms", "mincount");
    private static final Set<String> DOUBLE_NAMES = Set.of("score", "timeout", "longitude", "latitude",
            "radius", "width", "height");
    private static final Set<String> UNIX_TIME_NAMES = Set.of("unix-time-seconds", "unix-time-milliseconds");

    private final String text;
    private int pos;

    private ArgumentSyntax(String text) {
        this.text = text;
    }

    static List<Argument> parse(String text) {
        ArgumentSyntax p = new ArgumentSyntax(text);
        List<Argument> args = p.sequence('\0');
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return numberKeys(args, new int[1]);
    }

    /** Keys take the index of their key spec in the order they appear. */
    private static List<Argument> numberKeys(List<Argument> args, int[] next) {
        List<Argument> out = new ArrayList<>(args.size());
        for (Argument a : args) {
            if (a.type == Argument.Type.KEY) {
                out.add(a.withKeySpec(next[0]++));
            } else if (!a.children.isEmpty()) {
                out.add(a.withChildren(numberKeys(a.children, next)));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** Items up to {@code close} (or the end); with '|' between them, a list of alternatives. */
    private List<Argument> sequence(char close) {
        List<Argument> items = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length() || text.charAt(pos) == close || text.charAt(pos) == '|') {
                return items;
            }
            items.add(item());
        }
    }

    private Argument item() {
        String groupName = null;
        int save = pos;
        String word = word();
        if (!word.isEmpty() && pos < text.length() && text.charAt(pos) == '=') {
            groupName = word;
            pos++;
        } else {
            pos = save;
        }
        Argument a;
        char c = peek();
        if (c == '[' || c == '(') {
            a = group(groupName, null);
        } else {
            a = single();
            if (groupName != null) {
                a = new Argument(groupName, a.type, a.token, a.optional, a.multiple, a.multipleToken, -1, a.children);
            }
        }
        if (text.startsWith("...", pos)) {
            pos += 3;
            a = new Argument(a.name, a.type, a.token, a.optional, true, a.multipleToken, -1, a.children);
        }
        if (peek() == '@') {
            int start = ++pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            a = a.withSince(text.substring(start, pos));
        }
        return a;
    }

    private Argument single() {
        if (peek() == '\'') {
            int close = text.indexOf('\'', pos + 1);
            if (close < 0) {
                throw error("unclosed quote");
            }
            String token = text.substring(pos + 1, close);
            pos = close + 1;
            return new Argument(token, Argument.Type.PURE_TOKEN, token, false, false, false, -1, List.of());
        }
        String word = word();
        if (word.isEmpty()) {
            throw error("expected an argument");
        }
        if (isToken(word)) {
            if (peek() != ':') {
                return new Argument(word.toLowerCase(Locale.ROOT), Argument.Type.PURE_TOKEN, word, false, false,
                        false, -1, List.of());
            }
            pos++;
            boolean repeated = pos < text.length() && text.charAt(pos) == ':';
            if (repeated) {
                pos++;
            }
            if (peek() == '(' || peek() == '[') {
                Argument g = group(word.toLowerCase(Locale.ROOT), word);
                return repeated ? new Argument(g.name, g.type, g.token, g.optional, g.multiple, true, -1, g.children)
                        : g;
            }
            Argument value = value(word());
            return new Argument(value.name, value.type, word, false, false, repeated, -1, List.of());
        }
        return value(word);
    }

    private Argument value(String word) {
        int hash = word.indexOf('#');
        String name = hash < 0 ? word : word.substring(0, hash);
        Argument.Type type = hash < 0 ? typeOf(name) : typeNamed(word.substring(hash + 1));
        return new Argument(name, type, null, false, false, false, -1, List.of());
    }

    /** A bracketed group: optional for [ ], required for ( ); a oneof when it has alternatives. */
    private Argument group(String name, String token) {
        char open = text.charAt(pos++);
        char close = open == '[' ? ']' : ')';
        List<List<Argument>> alternatives = new ArrayList<>();
        alternatives.add(sequence(close));
        while (peek() == '|') {
            pos++;
            alternatives.add(sequence(close));
        }
        if (peek() != close) {
            throw error("expected '" + close + "'");
        }
        pos++;
        boolean optional = open == '[';
        if (alternatives.size() > 1) {
            List<Argument> choices = new ArrayList<>();
            for (List<Argument> alt : alternatives) {
                choices.add(alt.size() == 1 ? alt.get(0) : block(null, null, false, alt));
            }
            return new Argument(name != null ? name : nameOf(choices), Argument.Type.ONEOF, token, optional, false,
                    false, -1, choices);
        }
        List<Argument> items = alternatives.get(0);
        if (items.size() == 1 && name == null && token == null) {
            Argument a = items.get(0);
            return new Argument(a.name, a.type, a.token, optional || a.optional, a.multiple, a.multipleToken, -1,
                    a.children);
        }
        return block(name, token, optional, items);
    }

    private static Argument block(String name, String token, boolean optional, List<Argument> items) {
        return new Argument(name != null ? name : nameOf(items), Argument.Type.BLOCK, token, optional, false,
                false, -1, items);
    }

    private static String nameOf(List<Argument> items) {
        StringBuilder b = new StringBuilder();
        for (Argument a : items) {
            b.append(b.length() == 0 ? "" : "-").append(a.name);
        }
        return b.toString();
    }

    private static boolean isToken(String word) {
        return Character.isUpperCase(word.charAt(0));
    }

    private static Argument.Type typeOf(String name) {
        if (name.equals("key") || name.endsWith("key") || name.equals("source") || name.equals("destination")) {
            return Argument.Type.KEY;
        }
        if (name.equals("pattern")) {
            return Argument.Type.PATTERN;
        }
        if (UNIX_TIME_NAMES.contains(name)) {
            return Argument.Type.UNIX_TIME;
        }
        if (INTEGER_NAMES.contains(name)) {
            return Argument.Type.INTEGER;
        }
        return DOUBLE_NAMES.contains(name) ? Argument.Type.DOUBLE : Argument.Type.STRING;
    }

    private Argument.Type typeNamed(String name) {
        for (Argument.Type t : Argument.Type.values()) {
            if (t.docName.equals(name)) {
                return t;
            }
        }
        throw error("unknown type " + name);
    }

    /** A name or token; a lower-case name may hold ':' and '/' (ip:port, yes/no), a token may not. */
    private String word() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean inName = pos > start && Character.isLowerCase(text.charAt(start));
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '#'
                    || (inName && (c == ':' || c == '/'))
                    || (c == '.' && !text.startsWith("...", pos))) {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private char peek() {
        skipBlanks();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + pos + " in: " + text);
    }
}
