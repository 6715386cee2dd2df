package io.nioredis.rdb;

/**
 * The type bytes and opcodes of the RDB format (Redis's rdb.h), as of RDB version 10 (Redis 7.0), plus
 * the two 7.2 types a 7.0 reader must refuse.
 */
public final class RdbType {
    private RdbType() {}

    /** The RDB version Redis 7.0 writes in DUMP payloads and RDB file headers. */
    public static final int RDB_VERSION = 10;

    public static final int STRING = 0;
    public static final int LIST = 1;
    public static final int SET = 2;
    public static final int ZSET = 3;
    public static final int HASH = 4;
    public static final int ZSET_2 = 5;
    public static final int MODULE_PRE_GA = 6;
    public static final int MODULE_2 = 7;
    public static final int HASH_ZIPMAP = 9;
    public static final int LIST_ZIPLIST = 10;
    public static final int SET_INTSET = 11;
    public static final int ZSET_ZIPLIST = 12;
    public static final int HASH_ZIPLIST = 13;
    public static final int LIST_QUICKLIST = 14;
    public static final int STREAM_LISTPACKS = 15;
    public static final int HASH_LISTPACK = 16;
    public static final int ZSET_LISTPACK = 17;
    public static final int LIST_QUICKLIST_2 = 18;
    public static final int STREAM_LISTPACKS_2 = 19;
    /** Redis 7.2; a 7.0 server does not know it. */
    public static final int SET_LISTPACK = 20;
    /** Redis 7.2; a 7.0 server does not know it. */
    public static final int STREAM_LISTPACKS_3 = 21;

    public static final int OPCODE_FUNCTION2 = 245;
    public static final int OPCODE_FUNCTION_PRE_GA = 246;
    public static final int OPCODE_MODULE_AUX = 247;
    public static final int OPCODE_IDLE = 248;
    public static final int OPCODE_FREQ = 249;
    public static final int OPCODE_AUX = 250;
    public static final int OPCODE_RESIZEDB = 251;
    public static final int OPCODE_EXPIRETIME_MS = 252;
    public static final int OPCODE_EXPIRETIME = 253;
    public static final int OPCODE_SELECTDB = 254;
    public static final int OPCODE_EOF = 255;

    /** Quicklist node containers inside LIST_QUICKLIST_2. */
    public static final int QUICKLIST_NODE_PLAIN = 1;
    public static final int QUICKLIST_NODE_PACKED = 2;

    /** True for the object types Redis 7.0 can load (rdbIsObjectType), whether or not we decode them. */
    public static boolean isObjectType(int type) {
        return (type >= STRING && type <= MODULE_2) || (type >= HASH_ZIPMAP && type <= STREAM_LISTPACKS_2);
    }
}
