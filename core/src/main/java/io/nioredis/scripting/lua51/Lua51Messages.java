package io.nioredis.scripting.lua51;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the run-time error texts luaj's VM writes into Lua 5.1's wording, as Redis scripts see them
 * ("attempt to perform arithmetic __add on nil and number" becomes "attempt to perform arithmetic on a nil
 * value"). Lua 5.1 names the variable when it knows it ("local 't'", "field 'x'"); luaj keeps no such
 * information, so those come out in the unnamed form, which Lua 5.1 uses for temporaries.
 */
final class Lua51Messages {
    private Lua51Messages() {}

    private static final Pattern BINARY_ARITHMETIC = Pattern.compile("attempt to perform arithmetic __\\w+ on (\\w+) and (\\w+)");
    private static final Pattern UNARY_ARITHMETIC = Pattern.compile("attempt to perform arithmetic on (\\w+)");
    private static final Pattern CONCATENATE = Pattern.compile("attempt to concatenate (\\w+) and (\\w+)");
    private static final Pattern LENGTH = Pattern.compile("attempt to get length of (\\w+)");
    private static final Pattern INDEX = Pattern.compile("attempt to index \\? \\(a (\\w+) value\\)");
    private static final Pattern CALL = Pattern.compile("attempt to call (\\w+)");
    private static final Pattern COMPARE_METATAG = Pattern.compile("attempt to compare __\\w+ on (\\w+) and (\\w+)");
    private static final Pattern COMPARE_MIXED = Pattern.compile("attempt to compare (\\w+) with (\\w+) expected, got \\w+");

    /** The Lua 5.1 text for a luaj VM message, or the message itself when it is not one of luaj's. */
    static String of(String message) {
        Matcher m;
        if ((m = BINARY_ARITHMETIC.matcher(message)).matches()) {
            // luaG_aritherror blames the second operand when the first is a number (or a numeric string).
            return "attempt to perform arithmetic on a " + (m.group(1).equals("number") ? m.group(2) : m.group(1))
                    + " value";
        }
        if ((m = UNARY_ARITHMETIC.matcher(message)).matches()) {
            return "attempt to perform arithmetic on a " + m.group(1) + " value";
        }
        if ((m = CONCATENATE.matcher(message)).matches()) {
            // luaG_concaterror blames the first operand unless it is a string or a number.
            String first = m.group(1);
            return "attempt to concatenate a "
                    + (first.equals("string") || first.equals("number") ? m.group(2) : first) + " value";
        }
        if ((m = LENGTH.matcher(message)).matches()) {
            return "attempt to get length of a " + m.group(1) + " value";
        }
        if ((m = INDEX.matcher(message)).matches()) {
            return "attempt to index a " + m.group(1) + " value";
        }
        if ((m = CALL.matcher(message)).matches()) {
            return "attempt to call a " + m.group(1) + " value";
        }
        if ((m = COMPARE_METATAG.matcher(message)).matches()) {
            return compare(m.group(1), m.group(2));
        }
        if ((m = COMPARE_MIXED.matcher(message)).matches()) {
            // luaj checks the right operand first and names the types the other way round.
            return compare(m.group(2), m.group(1));
        }
        if (message.equals("table index expected, got table")) {
            return "table index is nil";
        }
        return message;
    }

    /** luaG_ordererror. */
    private static String compare(String left, String right) {
        return left.equals(right) ? "attempt to compare two " + left + " values"
                : "attempt to compare " + left + " with " + right;
    }
}
