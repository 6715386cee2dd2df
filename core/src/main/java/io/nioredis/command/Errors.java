package io.nioredis.command;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

    // Scripting and functions
    public static final byte[] NOSCRIPT = encode("NOSCRIPT No matching script. Please use EVAL.");
    public static final byte[] NUMKEYS_TOO_MANY = encode("ERR Number of keys can't be greater than number of args");
    public static final byte[] NUMKEYS_NEGATIVE = encode("ERR Number of keys can't be negative");
    public static final byte[] NUMKEYS_BAD = encode("ERR Bad number of keys provided");
    public static final byte[] FUNCTION_NOT_FOUND = encode("ERR Function not found");
    public static final byte[] LIBRARY_NOT_FOUND = encode("ERR Library not found");
    public static final byte[] NOTBUSY = encode("NOTBUSY No scripts in execution right now.");
    public static final byte[] UNKILLABLE = encode("UNKILLABLE Sorry the script already executed write commands "
            + "against the dataset. You can either wait the script termination or kill the server in a hard way "
            + "using the SHUTDOWN NOSAVE command.");
    public static final byte[] SCRIPT_FLUSH_MODE = encode("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
    public static final byte[] FUNCTION_FLUSH_MODE = encode("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
    public static final byte[] RESTORE_POLICY =
            encode("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
    public static final byte[] LIBRARY_NAME_MISSING = encode("ERR library name argument was not given");
    public static final String SCRIPT_UNKNOWN_COMMAND = "ERR Unknown Redis command called from script";
    public static final String SCRIPT_WRONG_ARITY = "ERR Wrong number of args calling Redis command from script";
    public static final String SCRIPT_NOT_ALLOWED = "ERR This Redis command is not allowed from script";
    public static final String SCRIPT_WRITE_IN_READ_ONLY = "ERR Write commands are not allowed from read-only scripts.";
    public static final String SCRIPT_WRITE_FLAG_IN_RO_COMMAND =
            "ERR Can not execute a script with write flag using *_ro command.";
    public static final String SCRIPT_OOM_WITHOUT_ALLOW_OOM = "OOM allow-oom flag is not set on the script, "
            + "can not run it when used memory > 'maxmemory'";
    // Blocking commands and the multi-key pops
    public static final byte[] TIMEOUT_NEGATIVE = encode("ERR timeout is negative");
    public static final byte[] TIMEOUT_NOT_FLOAT = encode("ERR timeout is not a float or out of range");
    public static final byte[] NUMKEYS_NOT_POSITIVE = encode("ERR numkeys should be greater than 0");
    public static final byte[] COUNT_NOT_POSITIVE = encode("ERR count should be greater than 0");
    public static final byte[] UNBLOCK_REASON = encode("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
    /** What a client unblocked by CLIENT UNBLOCK id ERROR receives. */
    public static final byte[] UNBLOCKED = encode("UNBLOCKED client unblocked via CLIENT UNBLOCK");

    public static final byte[] CONFIG_WITHOUT_FILE = encode("ERR The server is running without a config file");
    public static final byte[] SHUTDOWN_FAILED = encode("ERR Errors trying to SHUTDOWN. Check logs.");
    public static final byte[] NO_SHUTDOWN_IN_PROGRESS = encode("ERR No shutdown in progress.");

    // Streams: the texts the stream value type raises are in its own StreamErrors (the value layer cannot see
    // this class); these are the ones only the commands produce.
    public static final byte[] XGROUP_KEY_MISSING = encode("ERR The XGROUP subcommand requires the key to exist. "
            + "Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.");
    /** XREADGROUP too gets this text from Redis 7.0 (it names XREAD and '$'). */
    public static final byte[] XREAD_UNBALANCED = encode("ERR Unbalanced XREAD list of streams: for each stream "
            + "key an ID or '$' must be specified.");
    public static final byte[] XREAD_GT_ONLY_GROUP = encode("ERR The > ID can be specified only when calling "
            + "XREADGROUP using the GROUP <group> <consumer> option.");
    public static final byte[] XREAD_DOLLAR_IN_GROUP = encode("ERR The $ ID is meaningless in the context of "
            + "XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID "
            + "to get new messages. The $ ID would just return an empty result set.");
    public static final byte[] XREAD_NOACK_WITHOUT_GROUP = encode("ERR The NOACK option is only supported by XREADGROUP. "
            + "You called XREAD instead.");
    public static final byte[] XREAD_GROUP_WITHOUT_GROUP_COMMAND = encode("ERR The GROUP option is only supported by "
            + "XREADGROUP. You called XREAD instead.");
    /** To a client blocked in XREADGROUP whose stream was deleted, replaced or flushed (Redis 7.0). */
    public static final byte[] XREADGROUP_KEY_GONE = encode("UNBLOCKED the stream key no longer exists");
    /** To a client blocked in XREADGROUP whose group XGROUP DESTROY removed. */
    public static final byte[] XREADGROUP_GROUP_GONE =
            encode("NOGROUP the consumer group this client was blocked on no longer exists");
    public static final byte[] XREADGROUP_MISSING_GROUP = encode("ERR Missing GROUP option for XREADGROUP");
    public static final byte[] TIMEOUT_NOT_INTEGER = encode("ERR timeout is not an integer or out of range");
    public static final byte[] XINFO_NO_SUCH_KEY = encode("ERR no such key");
    public static final byte[] XCLAIM_INVALID_MIN_IDLE = encode("ERR Invalid min-idle-time argument for XCLAIM");
    public static final byte[] XAUTOCLAIM_INVALID_MIN_IDLE = encode("ERR Invalid min-idle-time argument for XAUTOCLAIM");
    public static final byte[] XAUTOCLAIM_COUNT_RANGE = encode("ERR COUNT must be > 0");
    public static final byte[] XSETID_NO_SUCH_KEY = encode("ERR no such key");
    public static final byte[] XGROUP_ENTRIES_READ_NEGATIVE = encode("ERR value for ENTRIESREAD must be positive or -1");

    /** XREAD or XREADGROUP with BLOCK from a script; the command name as the script spelled it. */
    public static String blockFromScript(String command) {
        return "ERR " + command + " command is not allowed with BLOCK option from scripts";
    }

    public static String noGroupForRead(String key, String group) {
        return "NOGROUP No such key '" + key + "' or consumer group '" + group + "' in XREADGROUP with GROUP option";
    }

    public static String xclaimUnknownOption(String option) {
        return "ERR Unrecognized XCLAIM option '" + option + "'";
    }

    public static String xclaimBadOptionArgument(String option) {
        return "ERR Invalid " + option + " option argument for XCLAIM";
    }

    public static String noKeyOrGroup(String key, String group) {
        return "NOGROUP No such key '" + key + "' or consumer group '" + group + "'";
    }

    public static String noGroupForKey(String group, String key) {
        return "NOGROUP No such consumer group '" + group + "' for key name '" + key + "'";
    }

    public static String configUnknownOption(String name) {
        return "ERR Unknown option or number of arguments for CONFIG SET - '" + name + "'";
    }

    public static String configSetFailed(String argument, String reason) {
        return "ERR CONFIG SET failed (possibly related to argument '" + argument + "') - " + reason;
    }

    public static String configRewriteFailed(String reason) {
        return "ERR Rewriting config file: " + reason;
    }

    // Bitmaps
    public static final byte[] BIT_OFFSET = encode("ERR bit offset is not an integer or out of range");
    public static final byte[] BIT_VALUE = encode("ERR bit is not an integer or out of range");
    public static final byte[] BITPOS_BIT = encode("ERR The bit argument must be 1 or 0.");
    public static final byte[] BITFIELD_TYPE = encode(
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");
    public static final byte[] BITFIELD_OVERFLOW = encode("ERR Invalid OVERFLOW type specified");
    public static final byte[] BITFIELD_RO_WRITE = encode("ERR BITFIELD_RO only supports the GET subcommand");
    public static final byte[] BITOP_NOT_ARITY = encode("ERR BITOP NOT must be called with a single source key.");

    // HyperLogLog
    public static final byte[] NOT_AN_HLL = encode("WRONGTYPE Key is not a valid HyperLogLog string value.");
    public static final byte[] HLL_CORRUPTED = encode("INVALIDOBJ Corrupted HLL object detected");
    public static final byte[] PFDEBUG_NO_KEY = encode("ERR The specified key does not exist");
    public static final byte[] PFDEBUG_NOT_SPARSE = encode("ERR HLL encoding is not sparse");

    // Geo
    public static final byte[] GEO_UNSUPPORTED_UNIT = encode("ERR unsupported unit provided. please use M, KM, FT, MI");
    public static final byte[] GEO_NEED_NUMERIC_RADIUS = encode("ERR need numeric radius");
    public static final byte[] GEO_NEED_NUMERIC_WIDTH = encode("ERR need numeric width");
    public static final byte[] GEO_NEED_NUMERIC_HEIGHT = encode("ERR need numeric height");
    public static final byte[] GEO_NEGATIVE_RADIUS = encode("ERR radius cannot be negative");
    public static final byte[] GEO_NEGATIVE_BOX = encode("ERR height or width cannot be negative");
    public static final byte[] GEO_UNDECODABLE_MEMBER = encode("ERR could not decode requested zset member");
    public static final byte[] GEO_COUNT_NOT_POSITIVE = encode("ERR COUNT must be > 0");
    public static final byte[] GEO_ANY_WITHOUT_COUNT = encode("ERR the ANY argument requires COUNT argument");
    public static final byte[] GEOSEARCHSTORE_WITH =
            encode("ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
    public static final byte[] GEORADIUS_STORE_WITH =
            encode("ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options");

    /** GEOADD, GEORADIUS and FROMLONLAT outside the geo limits; the numbers as Redis's "%f" prints them. */
    public static String invalidLonLatPair(String longitude, String latitude) {
        return "ERR invalid longitude,latitude pair " + longitude + "," + latitude;
    }

    /** Redis names the command as the client typed it. */
    public static String geoOneFrom(String typedCommand) {
        return "ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + typedCommand;
    }

    public static String geoOneBy(String typedCommand) {
        return "ERR exactly one of BYRADIUS and BYBOX can be specified for " + typedCommand;
    }

    public static String unknownPfdebugSubcommand(String subcommand) {
        return "ERR Unknown PFDEBUG subcommand '" + subcommand + "'";
    }

    // Introspection (OBJECT, MEMORY, DEBUG, LOLWUT)
    public static final byte[] IDLETIME_UNDER_LFU = encode("ERR An LFU maxmemory policy is selected, idle time not "
            + "tracked. Please note that when switching between policies at runtime LRU and LFU data will take some "
            + "time to adjust.");
    public static final byte[] FREQ_WITHOUT_LFU = encode("ERR An LFU maxmemory policy is not selected, access "
            + "frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data "
            + "will take some time to adjust.");
    public static final byte[] MODULE_LOAD_FAILED =
            encode("ERR Error loading the extension. Please check the server logs.");
    public static final byte[] NO_SUCH_MODULE = encode("ERR Error unloading module: no such module with that name");
    /** Redis's refusal of a protected command (DEBUG, or MODULE's LOAD, LOADEX, UNLOAD) its setting forbids. */
    public static String protectedCommandNotAllowed(String command) {
        return "ERR " + command.toUpperCase(Locale.ROOT) + " command not allowed. If the enable-" + command
                + "-command option is set to \"local\", you can run it from a local connection, otherwise you need "
                + "to set this option in the configuration file, and then restart the server.";
    }

    public static final byte[] LOLWUT_DRAWING_MISSING =
            encode("ERR LOLWUT VERSION 5 and 6 drawings are not available in this server");
    public static final byte[] BACKGROUND_SAVE_IN_PROGRESS = encode("ERR Background save already in progress");
    public static final byte[] BGSAVE_CHILD_ACTIVE = encode("ERR Another child process is active (AOF?): can't BGSAVE"
            + " right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
    public static final byte[] AOF_REWRITE_IN_PROGRESS =
            encode("ERR Background append only file rewriting already in progress");
    public static final byte[] AOF_REWRITE_FAILED = encode("ERR Can't execute an AOF background rewriting. Please check"
            + " the server logs for more information.");

    /** Writes refused because the last write or fsync of the AOF failed; {@code reason} is the errno text. */
    public static String misconfAof(String reason) {
        return "MISCONF Errors writing to the AOF file: " + reason;
    }

    /** SAVE's reply when the save failed: Redis's shared.err, a bare "ERR". */
    public static final byte[] SAVE_FAILED = encode("ERR");
    public static final byte[] DEBUG_RELOAD_LOAD_FAILED = encode("ERR Error trying to load the RDB dump, check server logs.");
    public static final byte[] DEBUG_RELOAD_OPTIONS = encode("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");
    public static final byte[] DEBUG_RELOAD_UNSUPPORTED = encode("ERR DEBUG RELOAD MERGE and NOFLUSH are not supported by nioredis");
    /** shared.bgsaveerr: writes (and PING) refused while stop-writes-on-bgsave-error holds. */
    public static final String MISCONF_TEXT = "MISCONF Redis is configured to save RDB snapshots, but it's currently"
            + " unable to persist to disk. Commands that may modify the data set are disabled, because this instance is"
            + " configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error"
            + " option). Please check the Redis logs for details about the RDB error.";

    // Diagnostics and MONITOR
    public static final String SLOWLOG_COUNT = "ERR count should be greater than or equal to -1";
    public static final String REPLICA_KEYSPACE = "ERR Replica can't interact with the keyspace";
    public static final byte[] MONITOR_DENY_BLOCKING = encode("ERR MONITOR isn't allowed for DENY BLOCKING client");

    public static final String TIMEOUT_NEGATIVE_TEXT = "ERR timeout is negative";
    public static final String TIMEOUT_OUT_OF_RANGE = "ERR timeout is out of range";
    public static final String PAUSE_MODE = "ERR CLIENT PAUSE mode must be WRITE or ALL";

    public static String noLatencySamples(String event) {
        return "ERR No samples available for event '" + event + "'";
    }

    /** Redis's addReplySubcommandSyntaxError, for commands that parse their own subcommands (DEBUG). */
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

    // Replication.
    public static final byte[] SYNC_WITH_PENDING_OUTPUT = encode("ERR SYNC and PSYNC are invalid with pending output");
    /** shared.noreplicaserr: writes refused while min-replicas-to-write is not met. */
    public static final String NOREPLICAS_TEXT = "NOREPLICAS Not enough good replicas to write.";
    /** shared.roslaveerr: a write from a client of a read-only replica. */
    public static final String READONLY_TEXT = "READONLY You can't write against a read only replica.";
    /** shared.masterdownerr: replica-serve-stale-data no while the link to the master is down. */
    public static final String MASTERDOWN_TEXT =
            "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";
    /** What clients blocked on a master get when it becomes a replica (Redis's disconnectAllBlockedClients). */
    public static final byte[] UNBLOCKED_ROLE_CHANGE = encode("UNBLOCKED force unblock from blocking operation, "
            + "instance state changed (master -> replica?)");
    public static final byte[] WAIT_ON_REPLICA = encode("ERR WAIT cannot be used with replica instances. Please also"
            + " note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes"
            + " to replicas are just local and are not propagated.");
    /** shared.loadingerr: a replica loading its master's snapshot. */
    public static final String LOADING_TEXT = "LOADING Redis is loading the dataset in memory";
    public static final byte[] NOMASTERLINK = encode("NOMASTERLINK Can't SYNC while not connected with my master");
    public static final byte[] INVALID_MASTER_PORT = encode("ERR Invalid master port");
    public static final byte[] REPLICAOF_FROM_REPLICA = encode("ERR Command is not valid when client is a replica.");
    public static final byte[] FAILOVER_IN_CLUSTER =
            encode("ERR FAILOVER not allowed in cluster mode. Use CLUSTER FAILOVER command instead.");
    public static final byte[] NO_FAILOVER_IN_PROGRESS = encode("ERR No failover in progress.");
    public static final byte[] FAILOVER_TIMEOUT_NOT_POSITIVE = encode("ERR FAILOVER timeout must be greater than 0");
    public static final byte[] FAILOVER_ALREADY_IN_PROGRESS = encode("ERR FAILOVER already in progress.");
    public static final byte[] FAILOVER_ON_REPLICA = encode("ERR FAILOVER is not valid when server is a replica.");
    public static final byte[] FAILOVER_WITHOUT_REPLICAS = encode("ERR FAILOVER requires connected replicas.");
    public static final byte[] FAILOVER_FORCE_NEEDS_TIMEOUT_AND_TARGET =
            encode("ERR FAILOVER with force option requires both a timeout and target HOST and IP.");
    public static final byte[] FAILOVER_TARGET_NOT_A_REPLICA =
            encode("ERR FAILOVER target HOST and PORT is not a replica.");
    public static final byte[] FAILOVER_TARGET_NOT_ONLINE = encode("ERR FAILOVER target replica is not online.");
    public static final byte[] PSYNC_FAILOVER_REPLID_MISMATCH = encode("ERR PSYNC FAILOVER replid must match my replid.");
    public static final byte[] NOMASTERLINK_DURING_FAILOVER = encode("NOMASTERLINK Can't SYNC while failing over");
    public static final byte[] RDB_ONLY_RANGE = encode("ERR value is out of range, value must between 0 and 1");

    public static byte[] replconfUnknownOption(String option) {
        return encode("ERR Unrecognized REPLCONF option: " + option);
    }

    public static byte[] replconfIpTooLong(int length) {
        return encode("ERR REPLCONF ip-address provided by replica instance is too long: " + length + " bytes");
    }

    // Cluster: the redirections and refusals of Redis's clusterRedirectClient, then the CLUSTER commands'.
    public static final String CROSSSLOT = "CROSSSLOT Keys in request don't hash to the same slot";
    public static final String TRYAGAIN = "TRYAGAIN Multiple keys request during rehashing of slot";
    public static final String CLUSTER_DOWN = "CLUSTERDOWN The cluster is down";
    public static final String CLUSTER_DOWN_READ_ONLY = "CLUSTERDOWN The cluster is down and only accepts read commands";
    public static final String CLUSTER_SLOT_NOT_SERVED = "CLUSTERDOWN Hash slot not served";
    public static final byte[] CLUSTER_DISABLED = encode("ERR This instance has cluster support disabled");
    public static final byte[] SELECT_IN_CLUSTER = encode("ERR SELECT is not allowed in cluster mode");
    public static final byte[] SWAPDB_IN_CLUSTER = encode("ERR SWAPDB is not allowed in cluster mode");
    public static final byte[] MOVE_IN_CLUSTER = encode("ERR MOVE is not allowed in cluster mode");
    public static final byte[] COPY_DB_IN_CLUSTER = encode("ERR Copying to another database is not allowed in cluster mode");
    public static final byte[] INVALID_SLOT = encode("ERR Invalid slot");
    public static final byte[] REPLICAOF_IN_CLUSTER = encode("ERR REPLICAOF not allowed in cluster mode.");
    public static final byte[] SORT_BY_IN_CLUSTER = encode("ERR BY option of SORT denied in Cluster mode.");
    public static final byte[] SORT_GET_IN_CLUSTER = encode("ERR GET option of SORT denied in Cluster mode.");
    public static final byte[] INVALID_OR_OUT_OF_RANGE_SLOT = encode("ERR Invalid or out of range slot");
    public static final byte[] INVALID_SLOT_OR_COUNT = encode("ERR Invalid slot or number of keys");
    public static final byte[] SETSLOT_SYNTAX =
            encode("ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP");
    public static final byte[] SETSLOT_ON_REPLICA = encode("ERR Please use SETSLOT only with masters.");
    public static final byte[] TARGET_NOT_MASTER = encode("ERR Target node is not a master");

    public static String moved(int slot, io.nioredis.cluster.ClusterNode node) {
        return "MOVED " + slot + " " + node.ip + ":" + node.port;
    }

    public static String ask(int slot, io.nioredis.cluster.ClusterNode node) {
        return "ASK " + slot + " " + node.ip + ":" + node.port;
    }

    /** Whether a gate's refusal is a cluster redirection, which EXEC reports as is rather than as EXECABORT. */
    public static boolean isClusterRedirection(String error) {
        return error.startsWith("MOVED ") || error.startsWith("ASK ") || error.startsWith("CROSSSLOT ")
                || error.startsWith("TRYAGAIN ") || error.startsWith("CLUSTERDOWN ");
    }

    /** scriptVerifyClusterState's wording, in Redis 7.0.15, for a script command refused by the routing. */
    public static String scriptClusterRefusal(String refusal) {
        if (refusal.equals(CLUSTER_DOWN_READ_ONLY)) {
            return "ERR Script attempted to execute a write command while the cluster is down and readonly";
        }
        if (refusal.equals(CLUSTER_DOWN)) {
            return "ERR Script attempted to execute a command while the cluster is down";
        }
        return "ERR Script attempted to access a non local key in a cluster node";
    }

    public static byte[] slotBusy(int slot) {
        return encode("ERR Slot " + slot + " is already busy");
    }

    public static byte[] slotUnassigned(int slot) {
        return encode("ERR Slot " + slot + " is already unassigned");
    }

    public static byte[] slotRepeated(int slot) {
        return encode("ERR Slot " + slot + " specified multiple times");
    }

    public static byte[] slotRangeReversed(int start, int end) {
        return encode("ERR start slot number " + start + " is greater than end slot number " + end);
    }

    public static byte[] notSlotOwner(int slot) {
        return encode("ERR I'm not the owner of hash slot " + slot);
    }

    public static byte[] alreadySlotOwner(int slot) {
        return encode("ERR I'm already the owner of hash slot " + slot);
    }

    public static byte[] unknownNodeForSlot(String id) {
        return encode("ERR I don't know about node " + id);
    }

    public static byte[] unknownNode(String id) {
        return encode("ERR Unknown node " + id);
    }

    public static byte[] slotStillHasKeys(int slot) {
        return encode("ERR Can't assign hashslot " + slot
                + " to a different node while I still hold keys for this hash slot.");
    }

    // MIGRATE, as Redis's migrateCommand words its failures.
    public static final byte[] MIGRATE_KEYS_NEEDS_EMPTY_KEY =
            encode("ERR When using MIGRATE KEYS option, the key argument must be set to the empty string");
    public static final byte[] MIGRATE_CONNECT = encode("IOERR error or timeout connecting to the client");
    public static final byte[] MIGRATE_WRITE = encode("IOERR error or timeout writing to target instance");
    public static final byte[] MIGRATE_READ = encode("IOERR error or timeout reading to target instance");

    public static byte[] migrateTargetError(String error) {
        return encode("ERR Target instance replied with error: " + error);
    }

    public static byte[] encode(String message) {
        return ("-" + message + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
