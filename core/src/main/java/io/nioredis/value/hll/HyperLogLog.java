package io.nioredis.value.hll;

/**
 * Redis's HyperLogLog as an algorithm over a string value's bytes, bit for bit as Redis 7.0 stores it, so a
 * value can move between Redis and this server (DUMP/RESTORE, replication, GET/SET) unchanged.
 *
 * <p>Layout: a 16-byte header ("HYLL", encoding byte 0 = dense / 1 = sparse, three unused bytes, the cached
 * cardinality as 8 bytes little-endian whose top bit set means "stale"), then either 16384 6-bit registers
 * (dense, 12288 bytes) or run-length opcodes (sparse, see {@link SparseRegisters}). Elements are hashed with
 * {@link MurmurHash64A}: the low 14 bits pick a register, the next 50 bits give the run length of zeros.
 *
 * <p>Every method reads a value at {@code a[off, off + len)} so that it can sit inside a larger array (a key
 * and its value packed together). Values passed in must first pass {@link #isValid}. PFADD goes through
 * {@link HyperLogLogEditor}; PFCOUNT of several keys and PFMERGE gather registers in a
 * {@link HyperLogLogUnion}.
 */
public final class HyperLogLog {
    public static final int P = 14;
    public static final int Q = 64 - P;
    public static final int REGISTERS = 1 << P;
    public static final int REGISTER_BITS = 6;
    public static final int REGISTER_MAX = (1 << REGISTER_BITS) - 1;
    public static final int HEADER_SIZE = 16;
    public static final int DENSE_SIZE = HEADER_SIZE + REGISTERS * REGISTER_BITS / 8;
    public static final byte DENSE = 0;
    public static final byte SPARSE = 1;
    /** Redis's default hll-sparse-max-bytes. */
    public static final int DEFAULT_SPARSE_MAX_BYTES = 3000;

    /** {@link #count} result for a sparse value whose opcodes are corrupt. */
    public static final long CORRUPTED = -1;

    static final int ENCODING_OFFSET = 4;
    static final int CARDINALITY_OFFSET = 8;
    private static final int STALE_BYTE = CARDINALITY_OFFSET + 7;

    private static final byte[] EMPTY = {
        'H', 'Y', 'L', 'L', SPARSE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        // XZERO covering all 16384 registers
        (byte) 0x7f, (byte) 0xff,
    };

    private HyperLogLog() {}

    /** A new empty HLL (Redis's createHLLObject): sparse, cached cardinality 0 (still valid). */
    public static byte[] create() {
        return EMPTY.clone();
    }

    static void writeEmpty(byte[] a, int off) {
        System.arraycopy(EMPTY, 0, a, off, EMPTY.length);
    }

    static int emptyLength() {
        return EMPTY.length;
    }

    /** Redis's isHLLObjectOrReply for a string value: header present, magic, known encoding, exact dense size. */
    public static boolean isValid(byte[] a, int off, int len) {
        if (len < HEADER_SIZE) {
            return false;
        }
        if (a[off] != 'H' || a[off + 1] != 'Y' || a[off + 2] != 'L' || a[off + 3] != 'L') {
            return false;
        }
        int encoding = a[off + ENCODING_OFFSET] & 0xff;
        if (encoding > SPARSE) {
            return false;
        }
        return encoding != DENSE || len == DENSE_SIZE;
    }

    public static boolean isDense(byte[] a, int off) {
        return a[off + ENCODING_OFFSET] == DENSE;
    }

    /** PFDEBUG ENCODING's reply text. */
    public static String encodingName(byte[] a, int off) {
        return isDense(a, off) ? "dense" : "sparse";
    }

    public static boolean hasValidCache(byte[] a, int off) {
        return (a[off + STALE_BYTE] & 0x80) == 0;
    }

    public static void invalidateCache(byte[] a, int off) {
        a[off + STALE_BYTE] |= (byte) 0x80;
    }

    /** The cached cardinality; meaningful only if {@link #hasValidCache}. */
    public static long cachedCardinality(byte[] a, int off) {
        long card = 0;
        for (int i = 7; i >= 0; i--) {
            card = card << 8 | (a[off + CARDINALITY_OFFSET + i] & 0xffL);
        }
        return card;
    }

    static void storeCardinality(byte[] a, int off, long card) {
        for (int i = 0; i < 8; i++) {
            a[off + CARDINALITY_OFFSET + i] = (byte) (card >>> (8 * i));
        }
    }

    /**
     * PFCOUNT of a single key: the cached cardinality when it is valid; otherwise the estimate, which is also
     * written into the cache in place (the length never changes). Redis then counts the key as modified
     * (signalModifiedKey, dirty++) even though PFCOUNT is a read command: ask {@link #hasValidCache} first to
     * know whether that will happen. Returns {@link #CORRUPTED} for corrupt sparse opcodes, leaving the
     * value untouched.
     */
    public static long count(byte[] a, int off, int len) {
        if (hasValidCache(a, off)) {
            return cachedCardinality(a, off);
        }
        long card = estimate(a, off, len);
        if (card != CORRUPTED) {
            storeCardinality(a, off, card);
        }
        return card;
    }

    /** The estimate of one value, ignoring (and not touching) the cache; {@link #CORRUPTED} if corrupt. */
    public static long estimate(byte[] a, int off, int len) {
        int[] histogram = new int[64];
        if (isDense(a, off)) {
            DenseRegisters.histogram(a, off + HEADER_SIZE, histogram);
        } else if (!SparseRegisters.histogram(a, off, len, histogram)) {
            return CORRUPTED;
        }
        return CardinalityEstimator.estimate(histogram);
    }

    /** The estimate of a raw register array (one byte per register, 16384 bytes), as PFCOUNT of several keys. */
    public static long estimateRegisters(byte[] registers) {
        int[] histogram = new int[64];
        for (int i = 0; i < REGISTERS; i++) {
            histogram[registers[i]]++;
        }
        return CardinalityEstimator.estimate(histogram);
    }

    /** Redis's hllMerge: {@code registers[i] = MAX(registers[i], register i of the value)}; false if corrupt. */
    public static boolean mergeInto(byte[] registers, byte[] a, int off, int len) {
        if (isDense(a, off)) {
            DenseRegisters.mergeInto(registers, a, off + HEADER_SIZE);
            return true;
        }
        return SparseRegisters.mergeInto(registers, a, off, len);
    }

    /**
     * Redis's hllSparseToDense, as PFDEBUG TODENSE and GETREG do it: a new dense value (header copied,
     * encoding set to dense), or null if the sparse opcodes are corrupt. The value must be sparse.
     */
    public static byte[] toDense(byte[] a, int off, int len) {
        return SparseRegisters.toDense(a, off, len);
    }

    /** Register {@code index} (0..16383) of a dense value, for PFDEBUG GETREG. */
    public static int register(byte[] a, int off, int index) {
        return DenseRegisters.get(a, off + HEADER_SIZE, index);
    }

    /** PFDEBUG DECODE's text for a sparse value, e.g. "Z:8436 v:1,1 Z:7947"; the value must be sparse. */
    public static String decodeSparse(byte[] a, int off, int len) {
        return SparseRegisters.decode(a, off, len);
    }

    /** The register an element's hash selects (its low 14 bits). */
    static int registerIndex(long hash) {
        return (int) (hash & (REGISTERS - 1));
    }

    /**
     * Redis's hllPatLen: the length of the "000..1" pattern in the 50 hash bits above the index, counting
     * the final 1, so 1..51.
     */
    static int patternLength(long hash) {
        return Long.numberOfTrailingZeros((hash >>> P) | (1L << Q)) + 1;
    }
}
