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
    public static final byte[] WEIGHT_NOT_FLOAT = encode("ERR weight value is not a float");
    public static final byte[] LIMIT_NEGATIVE = encode("ERR LIMIT can't be negative");
    public static final byte[] COUNT_OUT_OF_RANGE = encode("ERR value is out of range");
    public static final byte[] COUNT_OUT_OF_LONG_RANGE = encode(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    public static final String ZRANGE_LIMIT_NEEDS_RANGE =
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX";
    public static final String ZRANGE_WITHSCORES_WITH_BYLEX =
            "ERR syntax error, WITHSCORES not supported in combination with BYLEX";

    /** ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD with a numkeys below 1. */
    public static String atLeastOneInputKey(String command) {
        return "ERR at least 1 input key is needed for '" + command + "' command";
    }

    // Keys: SORT, DUMP/RESTORE
    public static final byte[] BUSYKEY = encode("BUSYKEY Target key name already exists.");
    public static final byte[] RESTORE_BAD_TTL = encode("ERR Invalid TTL value, must be >= 0");
    public static final byte[] RESTORE_BAD_IDLETIME = encode("ERR Invalid IDLETIME value, must be >= 0");
    public static final byte[] RESTORE_BAD_FREQ = encode("ERR Invalid FREQ value, must be >= 0 and <= 255");
    public static final byte[] SORT_NOT_A_DOUBLE = encode("ERR One or more scores can't be converted into double");

    public static final byte[] WAIT_TIMEOUT_NOT_INTEGER = encode("ERR timeout is not an integer or out of range");
    public static final byte[] WAIT_TIMEOUT_NEGATIVE = encode("ERR timeout is negative");

    // Strings: LCS
    public static final byte[] LCS_NOT_STRINGS = encode("ERR The specified keys must contain string values");
    public static final byte[] LCS_LEN_AND_IDX =
            encode("ERR If you want both the length and indexes, please just use IDX.");
    public static final byte[] LCS_TOO_LONG = encode("ERR String too long for LCS");
    public static final byte[] LCS_TABLE_TOO_BIG =
            encode("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");

    /** DUMP of a value the RDB codec does not carry yet. */
    public static String dumpNotSupported(String type) {
        return "ERR DUMP is not supported for keys of type " + type;
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
