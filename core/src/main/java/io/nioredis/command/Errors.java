package io.nioredis.command;

import java.nio.charset.StandardCharsets;

/** Error replies, spelled exactly as Redis 7.0 spells them, encoded once. */
public final class Errors {
    private Errors() {}

    public static final byte[] SYNTAX = encode("ERR syntax error");
    public static final byte[] NOT_INTEGER = encode("ERR value is not an integer or out of range");
    public static final byte[] WRONG_TYPE =
            encode("WRONGTYPE Operation against a key holding the wrong kind of value");
    public static final byte[] DB_INDEX_OUT_OF_RANGE = encode("ERR DB index is out of range");
    public static final byte[] EXPIRE_NX_CONFLICT =
            encode("ERR NX and XX, GT or LT options at the same time are not compatible");
    public static final byte[] EXPIRE_GT_LT_CONFLICT =
            encode("ERR GT and LT options at the same time are not compatible");

    // Sets and sorted sets.
    public static final byte[] MUST_BE_POSITIVE = encode("ERR value is out of range, must be positive");
    public static final byte[] NOT_A_FLOAT = encode("ERR value is not a valid float");
    public static final byte[] SCORE_NAN = encode("ERR resulting score is not a number (NaN)");
    public static final byte[] RANGE_NOT_FLOAT = encode("ERR min or max is not a float");
    public static final byte[] RANGE_NOT_STRING = encode("ERR min or max not valid string range item");
    public static final byte[] INVALID_CURSOR = encode("ERR invalid cursor");

    public static String wrongArity(String command) {
        return "ERR wrong number of arguments for '" + command + "' command";
    }

    public static String invalidExpireTime(String command) {
        return "ERR invalid expire time in '" + command + "' command";
    }

    public static String unknownSubcommand(String subcommand, String command) {
        return "ERR unknown subcommand '" + truncate(subcommand) + "'. Try " + command + " HELP.";
    }

    /** Redis prints at most 128 bytes of a name it did not recognise. */
    static String truncate(String s) {
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    static byte[] encode(String message) {
        return ("-" + message + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
