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
    public static final String NOAUTH_TEXT = "NOAUTH Authentication required.";
    public static final byte[] NOAUTH = encode(NOAUTH_TEXT);
    public static final byte[] WRONGPASS =
            encode("WRONGPASS invalid username-password pair or user is disabled.");
    public static final byte[] AUTH_WITHOUT_PASSWORD = encode("ERR AUTH <password> called without any password "
            + "configured for the default user. Are you sure your configuration is correct?");
    public static final String OOM_TEXT = "OOM command not allowed when used memory > 'maxmemory'.";
    public static final byte[] OOM = encode(OOM_TEXT);

    // Lists and hashes
    public static final byte[] OUT_OF_RANGE_POSITIVE = encode("ERR value is out of range, must be positive");
    public static final byte[] NO_SUCH_KEY = encode("ERR no such key");
    public static final byte[] INDEX_OUT_OF_RANGE = encode("ERR index out of range");
    public static final byte[] LPOS_RANK_ZERO = encode("ERR RANK can't be zero: use 1 to start from the first "
            + "match, 2 from the second ... or use negative to start from the end of the list");
    public static final byte[] LPOS_COUNT_NEGATIVE = encode("ERR COUNT can't be negative");
    public static final byte[] LPOS_MAXLEN_NEGATIVE = encode("ERR MAXLEN can't be negative");
    public static final byte[] HASH_VALUE_NOT_INTEGER = encode("ERR hash value is not an integer");
    public static final byte[] HASH_VALUE_NOT_FLOAT = encode("ERR hash value is not a float");
    public static final byte[] INCREMENT_OVERFLOW = encode("ERR increment or decrement would overflow");
    public static final byte[] NOT_A_VALID_FLOAT = encode("ERR value is not a valid float");
    public static final byte[] INCREMENT_NAN_OR_INFINITY = encode("ERR value is NaN or Infinity");
    public static final byte[] RESULT_NAN_OR_INFINITY = encode("ERR increment would produce NaN or Infinity");
    public static final byte[] VALUE_OUT_OF_RANGE = encode("ERR value is out of range");
    public static final byte[] INVALID_CURSOR = encode("ERR invalid cursor");

    // Sorted sets
    public static final byte[] SCORE_NAN = encode("ERR resulting score is not a number (NaN)");
    public static final byte[] RANGE_NOT_FLOAT = encode("ERR min or max is not a float");
    public static final byte[] RANGE_NOT_STRING = encode("ERR min or max not valid string range item");

    // Diagnostics and MONITOR
    public static final String SLOWLOG_COUNT = "ERR count should be greater than or equal to -1";
    public static final String REPLICA_KEYSPACE = "ERR Replica can't interact with the keyspace";
    public static final byte[] MONITOR_DENY_BLOCKING = encode("ERR MONITOR isn't allowed for DENY BLOCKING client");

    public static final String TIMEOUT_NOT_INTEGER = "ERR timeout is not an integer or out of range";
    public static final String TIMEOUT_NEGATIVE = "ERR timeout is negative";
    public static final String TIMEOUT_OUT_OF_RANGE = "ERR timeout is out of range";
    public static final String PAUSE_MODE = "ERR CLIENT PAUSE mode must be WRITE or ALL";

    public static String noLatencySamples(String event) {
        return "ERR No samples available for event '" + event + "'";
    }

    /** Redis's addReplySubcommandSyntaxError, for a known subcommand given the wrong arguments. */
    public static String subcommandSyntax(String subcommand, String command) {
        return "ERR unknown subcommand or wrong number of arguments for '" + truncate(subcommand) + "'. Try "
                + command + " HELP.";
    }

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
    public static String truncate(String s) {
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    public static byte[] encode(String message) {
        return ("-" + message + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
