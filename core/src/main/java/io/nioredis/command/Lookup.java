package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;

/**
 * The prologue of nearly every command that works on one key, as Redis's lookupKeyReadOrReply /
 * lookupKeyWriteOrReply followed by checkType: find the key, reply for a missing key, reply WRONGTYPE
 * for another type, or hand back the value. Every method returns null after it replied, so a command
 * opens with {@code T value = Lookup.readOrReply(...); if (value == null) return;}.
 *
 * <p>The type is a class literal ({@code ListValue.class}, {@code byte[].class} for strings): the JIT
 * folds {@code isInstance}/{@code cast} on a constant class into the same check an {@code instanceof}
 * makes, so the helper costs nothing on the request path (no lambda, no boxing, no allocation).
 * Commands that answer a missing key in a way no {@link Missing} constant covers look the slot up
 * themselves and call {@link #typedOrReply}.
 */
public final class Lookup {
    private Lookup() {}

    /** What a command replies when its key does not exist (Redis's shared reply objects). */
    public enum Missing {
        ZERO {
            @Override
            void reply(RespWriter out) {
                out.raw(Replies.ZERO);
            }
        },
        /** Nil: {@code $-1} in RESP2, {@code _} in RESP3. */
        NULL {
            @Override
            void reply(RespWriter out) {
                out.nullValue();
            }
        },
        EMPTY_ARRAY {
            @Override
            void reply(RespWriter out) {
                out.raw(Replies.EMPTY_ARRAY);
            }
        },
        /** An empty set: {@code *0} in RESP2, {@code ~0} in RESP3. */
        EMPTY_SET {
            @Override
            void reply(RespWriter out) {
                out.setHeader(0);
            }
        },
        /** An empty map: {@code *0} in RESP2, {@code %0} in RESP3. */
        EMPTY_MAP {
            @Override
            void reply(RespWriter out) {
                out.mapHeader(0);
            }
        },
        /** Cursor 0 and no elements: Redis's shared.emptyscan. */
        EMPTY_SCAN {
            @Override
            void reply(RespWriter out) {
                out.raw(Replies.EMPTY_SCAN);
            }
        },
        OK {
            @Override
            void reply(RespWriter out) {
                out.raw(Replies.OK);
            }
        },
        NO_SUCH_KEY {
            @Override
            void reply(RespWriter out) {
                out.raw(Errors.NO_SUCH_KEY);
            }
        };

        abstract void reply(RespWriter out);
    }

    /**
     * lookupKeyReadOrReply + checkType: the value of {@code type} at argument {@code keyArg}, counting a
     * keyspace hit or miss; null after replying {@code missing} or WRONGTYPE.
     */
    public static <T> T readOrReply(Keyspace keyspace, Request request, int keyArg, Class<T> type,
                                    Missing missing, RespWriter out) {
        int slot = keyspace.lookupRead(request.array(), request.offset(keyArg), request.length(keyArg));
        return foundOrReply(keyspace, slot, type, missing, out);
    }

    /** lookupKeyWriteOrReply + checkType: as {@link #readOrReply}, without counting hits and misses. */
    public static <T> T writeOrReply(Keyspace keyspace, Request request, int keyArg, Class<T> type,
                                     Missing missing, RespWriter out) {
        int slot = keyspace.lookup(request.array(), request.offset(keyArg), request.length(keyArg));
        return foundOrReply(keyspace, slot, type, missing, out);
    }

    private static <T> T foundOrReply(Keyspace keyspace, int slot, Class<T> type, Missing missing,
                                      RespWriter out) {
        if (slot < 0) {
            missing.reply(out);
            return null;
        }
        return typedOrReply(keyspace, slot, type, out);
    }

    /** checkType: the value at a live slot if it is a {@code type}, else null after replying WRONGTYPE. */
    public static <T> T typedOrReply(Keyspace keyspace, int slot, Class<T> type, RespWriter out) {
        Object entry = keyspace.entry(slot);
        if (type.isInstance(entry)) {
            return type.cast(entry);
        }
        out.raw(Errors.WRONG_TYPE);
        return null;
    }

    /**
     * {@link #readOrReply} for a string: the slot of the string at argument {@code keyArg}, whose entry the
     * keyspace's {@code stringArray} and {@code stringBase} give; -1 after replying {@code missing} or WRONGTYPE.
     */
    public static int readStringOrReply(Keyspace keyspace, Request request, int keyArg, Missing missing,
                                        RespWriter out) {
        int slot = keyspace.lookupRead(request.array(), request.offset(keyArg), request.length(keyArg));
        if (slot < 0) {
            missing.reply(out);
            return -1;
        }
        return stringOrReply(keyspace, slot, out);
    }

    /** checkType for a string at a live slot: the slot if it holds a string, else -1 after replying WRONGTYPE. */
    public static int stringOrReply(Keyspace keyspace, int slot, RespWriter out) {
        if (keyspace.entry(slot) instanceof byte[]) {
            return slot;
        }
        out.raw(Errors.WRONG_TYPE);
        return -1;
    }

    /**
     * Redis's checkType for a key that may be absent (slot -1): true after replying WRONGTYPE if the key
     * holds another type, false if it is absent or a {@code type}. For commands that treat a missing key as
     * an empty value (HMGET, ZSCORE, SMISMEMBER, the set algebra...).
     */
    public static boolean checkType(Keyspace keyspace, int slot, Class<?> type, RespWriter out) {
        if (slot < 0 || type.isInstance(keyspace.entry(slot))) {
            return false;
        }
        out.raw(Errors.WRONG_TYPE);
        return true;
    }
}
