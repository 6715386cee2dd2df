package io.nioredis.inspect;

import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.StringEntry;
import io.nioredis.text.DoubleFormat;
import io.nioredis.value.HashValue;
import io.nioredis.value.ListValue;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * DEBUG DIGEST and DIGEST-VALUE: Redis 7.0's computeDatasetDigest and xorObjectDigest, byte for byte, so
 * that the same dataset gives the same 40 hex digits here and in Redis. Unordered things (keys, set
 * members, hash fields, sorted set members) are combined with XOR so their order does not matter; ordered
 * ones (list elements) are mixed in sequence by re-hashing the running digest.
 */
public final class DatasetDigest {
    private static final byte[] EXPIRE_MARK = "!!expire!!".getBytes(StandardCharsets.US_ASCII);
    // Redis's object type numbers (OBJ_STRING ... OBJ_HASH, OBJ_STREAM), hashed as a big-endian 32-bit word
    private static final int TYPE_STRING = 0;
    private static final int TYPE_LIST = 1;
    private static final int TYPE_SET = 2;
    private static final int TYPE_ZSET = 3;
    private static final int TYPE_HASH = 4;
    private static final int TYPE_STREAM = 6;

    private final MessageDigest sha1;

    public DatasetDigest() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /** The digest of every database: all zeros when every database is empty. */
    public byte[] ofDataset(Databases databases) {
        byte[] result = new byte[20];
        for (int d = 0; d < databases.count(); d++) {
            Keyspace db = databases.get(d);
            if (db.size() == 0) {
                continue;
            }
            mix(result, int32(d)); // the same data in another database digests differently
            for (int slot = 0; slot < db.slotLimit(); slot++) {
                Object entry = db.entry(slot);
                if (entry == null) {
                    continue;
                }
                byte[] keyDigest = new byte[20];
                byte[] key = db.keyOf(slot);
                mix(keyDigest, key);
                objectDigest(keyDigest, entry, db.stringBase(slot), db.deadline(slot) >= 0);
                xorDigest(result, keyDigest, 0, 20);
            }
        }
        return result;
    }

    /**
     * DIGEST-VALUE of one entry (its value and whether it has a deadline, not its key), a string's at
     * {@code base}; zeros for null.
     */
    public byte[] ofValue(Object entry, int base, boolean hasDeadline) {
        byte[] digest = new byte[20];
        if (entry != null) {
            objectDigest(digest, entry, base, hasDeadline);
        }
        return digest;
    }

    public static String hex(byte[] digest) {
        StringBuilder s = new StringBuilder(40);
        for (byte b : digest) {
            s.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return s.toString();
    }

    private void objectDigest(byte[] digest, Object entry, int base, boolean hasDeadline) {
        if (entry instanceof byte[] e) {
            mix(digest, int32(TYPE_STRING));
            mix(digest, e, StringEntry.valueOffset(e, base), StringEntry.valueLength(e, base));
        } else if (entry instanceof ListValue list) {
            mix(digest, int32(TYPE_LIST));
            for (long h = list.first(); h != ListValue.NONE; h = list.next(h)) {
                mix(digest, list.element(h));
            }
        } else if (entry instanceof SetValue set) {
            mix(digest, int32(TYPE_SET));
            SetMember m = new SetMember();
            for (int p = 0; p < set.positionLimit(); p++) {
                if (set.member(p, m)) {
                    xorDigest(digest, m.array, m.offset, m.length);
                }
            }
        } else if (entry instanceof SortedSetValue zset) {
            mix(digest, int32(TYPE_ZSET));
            for (long r = 0, n = zset.size(); r < n; r++) {
                byte[] element = new byte[20];
                mix(element, zset.memberArray(r), zset.memberOffset(r), zset.memberLength(r));
                // Redis 7.0 formats the score with "%.17g" for the digest, whatever the encoding
                mix(element, DoubleFormat.g17(zset.score(r)).getBytes(StandardCharsets.US_ASCII));
                xorDigest(digest, element, 0, 20);
            }
        } else if (entry instanceof HashValue hash) {
            mix(digest, int32(TYPE_HASH));
            for (int h = 0; h < hash.handleLimit(); h++) {
                if (hash.has(h)) {
                    byte[] element = new byte[20];
                    mix(element, hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h));
                    mix(element, hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
                    xorDigest(digest, element, 0, 20);
                }
            }
        } else if (entry instanceof io.nioredis.value.stream.Stream stream) {
            // As Redis: the live entries in order, each id as "ms.seq" then its fields and values (groups
            // are not covered).
            mix(digest, int32(TYPE_STREAM));
            io.nioredis.value.stream.StreamCursor c = new io.nioredis.value.stream.StreamCursor()
                    .open(stream, io.nioredis.value.stream.StreamId.MIN, io.nioredis.value.stream.StreamId.MAX, false);
            while (c.next()) {
                mix(digest, (Long.toUnsignedString(c.ms()) + "." + Long.toUnsignedString(c.seq()))
                        .getBytes(StandardCharsets.US_ASCII));
                for (byte[] part : c.copyPairs()) mix(digest, part);
            }
        } else {
            throw new IllegalArgumentException("no digest for " + ((KeyedValue) entry).typeName());
        }
        if (hasDeadline) {
            xorDigest(digest, EXPIRE_MARK, 0, EXPIRE_MARK.length);
        }
    }

    /** Redis's xorDigest: XOR in the SHA-1 of the bytes (a 20-byte digest is hashed too, not XORed raw). */
    private void xorDigest(byte[] digest, byte[] b, int off, int len) {
        xor(digest, sha1(b, off, len));
    }

    /** Redis's mixDigest: XOR in the SHA-1 of the bytes, then replace the digest by its own SHA-1. */
    private void mix(byte[] digest, byte[] b) {
        mix(digest, b, 0, b.length);
    }

    private void mix(byte[] digest, byte[] b, int off, int len) {
        xorDigest(digest, b, off, len);
        byte[] again = sha1(digest, 0, 20);
        System.arraycopy(again, 0, digest, 0, 20);
    }

    private byte[] sha1(byte[] b, int off, int len) {
        sha1.reset();
        sha1.update(b, off, len);
        return sha1.digest();
    }

    private static void xor(byte[] digest, byte[] hash) {
        for (int i = 0; i < 20; i++) {
            digest[i] ^= hash[i];
        }
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
