package io.nioredis.value;

import io.nioredis.store.KeyedValue;
import io.nioredis.store.Scannable;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A Redis sorted set, in one of two encodings as Redis's listpack/skiplist pair:
 * <ul>
 *   <li>small (at most zset-max-listpack-entries members of at most zset-max-listpack-value bytes, limits
 *   the caller passes to {@link #add}): one byte array of {@link PackedMember}s sorted by (score, member
 *   bytes), no object per member, searched linearly as a listpack is;</li>
 *   <li>large: a {@link ScoreTreeSet} (a dict of members and a B+tree of them), where Redis has its zset
 *   (a dict and a skip list).</li>
 * </ul>
 * A set converts to the large encoding once it outgrows the small one and never goes back (the commands
 * that build a destination decide its encoding before filling it). {@link #compact} is thus what OBJECT
 * ENCODING, ZSCAN and the lex-range scans ask: whether Redis would hold the set as a listpack.
 *
 * <p>Members are addressed by their 0-based rank, in both encodings. The last rank resolved is remembered
 * (its byte position, or its leaf and index), so that walking r, r+1, ... or r, r-1, ... costs one step each; a rank
 * is valid until the next change to the set. Views of a member ({@link #memberArray}, {@link
 * #memberOffset}, {@link #memberLength}) point into the packed array or the member's dict entry.
 */
public final class SortedSetValue extends KeyedValue implements Scannable, Members {
    /** Limits for an add that never converts: the caller has decided the encoding. */
    public static final long NO_LIMIT = Long.MAX_VALUE;
    private static final long SHALLOW_BYTES = 48;
    private static final byte[] EMPTY = new byte[0];

    /** The small encoding's members in {@code packed[0, used)}, or null once large. */
    private byte[] packed = EMPTY;
    private int used;
    private int count;
    /** Counts changes to the packed array, so that remembered positions of an older state are not used. */
    private int stamp;
    /** The last small rank resolved, high 32 bits, and its position, low 32; 0 (rank 0 at 0) after a change. */
    private long cursor;
    private ScoreTreeSet large;

    public SortedSetValue(byte[] key) {
        super(key);
    }

    @Override
    public String typeName() {
        return "zset";
    }

    @Override
    public long memoryUsage() {
        return SHALLOW_BYTES + (large != null ? large.memoryUsage() : ListValue.arrayBytes(packed.length));
    }

    /** A deep copy under another key, for COPY; it keeps the encoding, as Redis's zsetDup does. */
    public SortedSetValue copy(byte[] newKey) {
        SortedSetValue copy = new SortedSetValue(newKey);
        if (large == null) {
            copy.packed = used == 0 ? EMPTY : Arrays.copyOf(packed, (used + 7) & ~7);
            copy.used = used;
            copy.count = count;
            return copy;
        }
        copy.notCompact();
        for (long r = 0, n = size(); r < n; r++) {
            int slot = large.at(r);
            copy.add(large.score(slot), large.memberArray(slot), large.memberOffset(slot), large.memberLength(slot),
                    NO_LIMIT, NO_LIMIT);
        }
        return copy;
    }

    public long size() {
        return large != null ? large.size() : count;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** True while Redis would still encode this set as a listpack: the small encoding. */
    public boolean compact() {
        return large == null;
    }

    /** Converts to the large encoding, as Redis converts a set before a big ZADD or a SORT. */
    public void notCompact() {
        if (large == null) {
            convertToLarge();
        }
    }

    /** True if every member would fit a listpack under these limits, as Redis's zsetConvertToListpackIfNeeded asks. */
    public boolean fitsListpack(long maxEntries, long maxValue) {
        long n = size();
        if (n > maxEntries) {
            return false;
        }
        for (long r = 0; r < n; r++) {
            if (memberLength(r) > maxValue) {
                return false;
            }
        }
        return true;
    }

    /** The member's hash for the lookups and the add that take one (any value for a small set). */
    public long hash(byte[] b, int off, int len) {
        return large != null ? large.hash(b, off, len) : 0;
    }

    /** The member's score, or NaN if it is not in the set (a set never holds NaN). */
    public double score(byte[] b, int off, int len) {
        return score(b, off, len, hash(b, off, len));
    }

    /** {@link #score(byte[], int, int)} for a member whose {@link #hash} is {@code hash}: O(1) when large. */
    public double score(byte[] b, int off, int len, long hash) {
        if (large != null) {
            int slot = large.find(b, off, len, hash);
            return slot < 0 ? Double.NaN : large.score(slot);
        }
        int r = findPacked(b, off, len);
        return r < 0 ? Double.NaN : PackedMember.score(packed, (int) cursor);
    }

    /** The member's 0-based rank, or -1. */
    public long rankOf(byte[] b, int off, int len) {
        if (large != null) {
            return large.rankOrMissing(large.find(b, off, len, large.hash(b, off, len)));
        }
        return findPacked(b, off, len);
    }

    public double score(long rank) {
        return large != null ? large.score(large.at(rank)) : PackedMember.score(packed, position((int) rank));
    }

    public byte[] memberArray(long rank) {
        return large != null ? large.memberArray(large.at(rank)) : packed;
    }

    public int memberOffset(long rank) {
        return large != null
                ? large.memberOffset(large.at(rank))
                : PackedMember.memberOffset(packed, position((int) rank));
    }

    public int memberLength(long rank) {
        return large != null
                ? large.memberLength(large.at(rank))
                : PackedMember.memberLength(packed, position((int) rank));
    }

    /** A copy of the member's bytes, off the request path. */
    public byte[] member(long rank) {
        int off = memberOffset(rank);
        return Arrays.copyOfRange(memberArray(rank), off, off + memberLength(rank));
    }

    /** The rank of the lowest member within the score range, or -1. */
    public long firstRankInRange(ScoreRange range) {
        if (large != null) {
            return large.firstRankInRange(range);
        }
        if (range.isEmpty()) {
            return -1;
        }
        byte[] p = packed;
        for (int r = 0, pos = 0; r < count; r++, pos = PackedMember.next(p, pos)) {
            double score = PackedMember.score(p, pos);
            if (range.aboveMin(score)) {
                return range.belowMax(score) ? at(r, pos) : -1;
            }
        }
        return -1;
    }

    /** The rank of the highest member within the score range, or -1. */
    public long lastRankInRange(ScoreRange range) {
        if (large != null) {
            return large.lastRankInRange(range);
        }
        if (range.isEmpty()) {
            return -1;
        }
        byte[] p = packed;
        int last = -1;
        int lastPos = 0;
        for (int r = 0, pos = 0; r < count; r++, pos = PackedMember.next(p, pos)) {
            if (!range.belowMax(PackedMember.score(p, pos))) {
                break;
            }
            last = r;
            lastPos = pos;
        }
        return last >= 0 && range.aboveMin(PackedMember.score(p, lastPos)) ? at(last, lastPos) : -1;
    }

    /**
     * The rank of the first member in a lex range as Redis finds it: a listpack is scanned from the head
     * (zzlFirstInLexRange), a skip list descended, and so is our large encoding's tree. They agree when all
     * scores are equal, the only case where lex ranges are defined; otherwise the members' lex order is not
     * the set's order and the answers differ (a skip list's then depends on its random levels).
     */
    public long firstRankInLexRange(LexRange range) {
        if (large != null) {
            return large.firstRankInRange(range);
        }
        if (!overlaps(range)) {
            return -1;
        }
        byte[] p = packed;
        for (int r = 0, pos = 0; r < count; r++, pos = PackedMember.next(p, pos)) {
            int off = PackedMember.memberOffset(p, pos);
            int len = PackedMember.memberLength(p, pos);
            if (range.aboveMin(p, off, len)) {
                return range.belowMax(p, off, len) ? at(r, pos) : -1;
            }
        }
        return -1;
    }

    /**
     * The rank of the last member in a lex range as Redis finds it (see {@link #firstRankInLexRange}): for a
     * listpack, the first member from the tail at or below the maximum, if it is also within the minimum.
     */
    public long lastRankInLexRange(LexRange range) {
        if (large != null) {
            return large.lastRankInRange(range);
        }
        if (!overlaps(range)) {
            return -1;
        }
        byte[] p = packed;
        int last = -1;
        int lastPos = 0;
        for (int r = 0, pos = 0; r < count; r++, pos = PackedMember.next(p, pos)) {
            if (range.belowMax(p, PackedMember.memberOffset(p, pos), PackedMember.memberLength(p, pos))) {
                last = r;
                lastPos = pos;
            }
        }
        if (last < 0 || !range.aboveMin(p, PackedMember.memberOffset(p, lastPos), PackedMember.memberLength(p, lastPos))) {
            return -1;
        }
        return at(last, lastPos);
    }

    /**
     * ZLEXCOUNT: a listpack counts from the first member in range while members stay within the maximum;
     * a skip list, and our tree, take the difference of the first and last members' ranks.
     */
    public long countInLexRange(LexRange range) {
        long first = firstRankInLexRange(range);
        if (first < 0) {
            return 0;
        }
        if (large != null) {
            long last = large.lastRankInRange(range);
            return last < 0 ? 0 : last - first + 1;
        }
        long n = 0;
        for (long r = first; r < count && range.belowMax(packed, memberOffset(r), memberLength(r)); r++) {
            n++;
        }
        return n;
    }

    /** Redis's zzlLexValueGteMin/LteMax on the head and tail: false if the scan need not start. */
    private boolean overlaps(LexRange range) {
        if (range.isEmpty() || count == 0) {
            return false;
        }
        int lastPos = position(count - 1);
        if (!range.aboveMin(packed, PackedMember.memberOffset(packed, lastPos), PackedMember.memberLength(packed, lastPos))) {
            return false;
        }
        return range.belowMax(packed, PackedMember.memberOffset(packed, 0), PackedMember.memberLength(packed, 0));
    }

    /**
     * Adds a member known to be absent, copying its bytes. As Redis's zsetAdd, a listpack set converts
     * when the member is longer than {@code maxValue} (zset-max-listpack-value) or the set would hold more
     * than {@code maxEntries} (zset-max-listpack-entries); an update of a score never converts.
     */
    public void add(double score, byte[] b, int off, int len, long maxEntries, long maxValue) {
        add(score, b, off, len, hash(b, off, len), maxEntries, maxValue);
    }

    /** {@link #add(double, byte[], int, int, long, long)} for a member whose {@link #hash} is {@code hash}. */
    public void add(double score, byte[] b, int off, int len, long hash, long maxEntries, long maxValue) {
        if (large == null && (len > maxValue || count + 1L > maxEntries)) {
            convertToLarge();
            hash = large.hash(b, off, len);
        }
        if (large != null) {
            large.add(score, b, off, len, hash);
        } else {
            insertPacked(score + 0.0, b, off, len);
        }
    }

    /**
     * Gives a member of the set a new score. A listpack keeps scores in a form in which -0 reads back as 0,
     * so a small set never holds -0; a large one does, as in Redis.
     */
    public void updateScore(byte[] b, int off, int len, long hash, double score) {
        if (large != null) {
            large.updateScore(large.find(b, off, len, hash), score);
            return;
        }
        int r = findPacked(b, off, len);
        int pos = (int) cursor;
        removePacked(r, pos);
        insertPacked(score + 0.0, b, off, len);
    }

    @Override
    public boolean remove(byte[] b, int off, int len) {
        if (large != null) {
            int slot = large.find(b, off, len, large.hash(b, off, len));
            if (slot < 0) {
                return false;
            }
            large.remove(slot);
            return true;
        }
        int r = findPacked(b, off, len);
        if (r < 0) {
            return false;
        }
        removePacked(r, (int) cursor);
        trimIfSparse();
        return true;
    }

    /** Removes the members of ranks {@code from..to}, inclusive and within the set. */
    public void removeRanks(long from, long to) {
        if (large != null) {
            large.removeRanks(from, to);
            return;
        }
        int start = position((int) from);
        int end = start;
        for (long r = from; r <= to; r++) {
            end = PackedMember.next(packed, end);
        }
        System.arraycopy(packed, end, packed, start, used - end);
        used -= end - start;
        count -= (int) (to - from + 1);
        stamp++;
        cursor = 0;
        trimIfSparse();
    }

    /** What {@link #forEach} hands each member: a view of its bytes and its score. */
    @FunctionalInterface
    public interface MemberVisitor {
        void visit(byte[] b, int off, int len, double score);
    }

    /**
     * Visits every member in ascending order, or descending, without moving the remembered rank: for a
     * snapshot writer thread, which may read a set while the loop reads it too (off the request path).
     */
    public void forEach(boolean descending, MemberVisitor visitor) {
        if (large != null) {
            ScoreTreeSet set = large;
            set.forEach(descending, (slot, score) ->
                    visitor.visit(set.memberArray(slot), set.memberOffset(slot), set.memberLength(slot), score));
            return;
        }
        byte[] p = packed;
        int n = count;
        int[] positions = new int[n];
        for (int r = 0, pos = 0; r < n; r++, pos = PackedMember.next(p, pos)) {
            positions[r] = pos;
        }
        for (int k = 0; k < n; k++) {
            int pos = positions[descending ? n - 1 - k : k];
            visitor.visit(p, PackedMember.memberOffset(p, pos), PackedMember.memberLength(p, pos),
                    PackedMember.score(p, pos));
        }
    }

    /**
     * One step of ZSCAN over a large set's member index; visited values are slots for {@link #slotMemberArray},
     * {@link #slotMemberOffset}, {@link #slotMemberLength} and {@link #slotScore}.
     */
    @Override
    public long scan(long cursor, IntConsumer visitor) {
        return large.scan(cursor, visitor);
    }

    /** The array holding the member in a large set's index slot, for ZSCAN. */
    public byte[] slotMemberArray(int slot) {
        return large.memberArray(slot);
    }

    public int slotMemberOffset(int slot) {
        return large.memberOffset(slot);
    }

    public int slotMemberLength(int slot) {
        return large.memberLength(slot);
    }

    public double slotScore(int slot) {
        return large.score(slot);
    }

    /**
     * Gives back the packed array's unused room, for a set that has just been filled in one go (by one
     * command, a load or a restore), where most sets take their final size: a listpack is exact-size.
     */
    public void trimToSize() {
        if (large == null && packed.length > ((used + 7) & ~7)) {
            packed = used == 0 ? EMPTY : Arrays.copyOf(packed, (used + 7) & ~7);
            stamp++;
        }
    }

    // ---- the small encoding

    /** The rank of the member in the packed array, or -1; the cursor then points at it. */
    private int findPacked(byte[] b, int off, int len) {
        byte[] p = packed;
        for (int r = 0, pos = 0; r < count; r++) {
            int start = PackedMember.memberOffset(p, pos);
            int length = PackedMember.memberLength(p, pos);
            if (length == len && Arrays.equals(p, start, start + len, b, off, off + len)) {
                cursor = ((long) r << 32) | pos;
                return r;
            }
            pos = PackedMember.next(p, pos);
        }
        return -1;
    }

    /** Remembers rank {@code r} at {@code pos} and returns the rank. */
    private long at(int r, int pos) {
        cursor = ((long) r << 32) | pos;
        return r;
    }

    /**
     * The position of rank {@code rank}: walked forwards from the cursor when at or after it, else read from
     * the {@link BackPositions} of this state; the cursor then points at it.
     */
    private int position(int rank) {
        long c = cursor;
        int r = (int) (c >>> 32);
        int pos = (int) c;
        if (rank == r) {
            return pos;
        }
        if (rank < r) {
            pos = rank == 0 ? 0 : BackPositions.of(this, rank);
        } else {
            byte[] p = packed;
            while (r < rank) {
                pos = PackedMember.next(p, pos);
                r++;
            }
        }
        cursor = ((long) rank << 32) | pos;
        return pos;
    }

    /** True if the member at {@code pos} sorts after (score, member). */
    private static boolean after(byte[] p, int pos, double score, byte[] b, int off, int len) {
        double s = PackedMember.score(p, pos);
        if (s != score) {
            return s > score;
        }
        int start = PackedMember.memberOffset(p, pos);
        return Arrays.compareUnsigned(p, start, start + PackedMember.memberLength(p, pos), b, off, off + len) > 0;
    }

    private void insertPacked(double score, byte[] b, int off, int len) {
        byte[] p = packed;
        // Start from the cursor when it sorts before the new member: adds in ascending order cost a step.
        long c = cursor;
        int r = (int) (c >>> 32);
        int pos = (int) c;
        if (r >= count || after(p, pos, score, b, off, len)) {
            r = 0;
            pos = 0;
        }
        while (r < count && !after(p, pos, score, b, off, len)) {
            pos = PackedMember.next(p, pos);
            r++;
        }
        int size = PackedMember.size(len, score);
        reserve(used + size);
        p = packed;
        System.arraycopy(p, pos, p, pos + size, used - pos);
        PackedMember.write(p, pos, score, b, off, len);
        used += size;
        count++;
        stamp++;
        cursor = ((long) r << 32) | pos;
    }

    /** Removes rank {@code r} at {@code pos}; the cursor then points at the member that followed it. */
    private void removePacked(int r, int pos) {
        int end = PackedMember.next(packed, pos);
        System.arraycopy(packed, end, packed, pos, used - end);
        used -= end - pos;
        count--;
        stamp++;
        cursor = ((long) r << 32) | pos;
    }

    /** Room for {@code needed} bytes, growing by an eighth at least (see HashValue's reserve). */
    private void reserve(int needed) {
        if (needed > packed.length) {
            packed = Arrays.copyOf(packed, capacityFor(needed));
        }
    }

    /** Shrinks the array once it is less than half used, so deletes give memory back. */
    private void trimIfSparse() {
        if (used < packed.length / 2) {
            packed = used == 0 ? EMPTY : Arrays.copyOf(packed, capacityFor(used));
            stamp++;
        }
    }

    /** {@code n} plus an eighth, rounded up to 8, which a JVM array's size is anyway. */
    private static int capacityFor(int n) {
        return (n + (n >>> 3) + 7) & ~7;
    }

    private void convertToLarge() {
        ScoreTreeSet set = new ScoreTreeSet();
        byte[] p = packed;
        for (int r = 0, pos = 0; r < count; r++, pos = PackedMember.next(p, pos)) {
            int off = PackedMember.memberOffset(p, pos);
            int len = PackedMember.memberLength(p, pos);
            set.add(PackedMember.score(p, pos), p, off, len, set.hash(p, off, len));
        }
        large = set;
        packed = null;
        used = 0;
        count = 0;
        stamp++;
        cursor = 0;
    }

    /**
     * The positions of every member of one small set's state, for walks towards lower ranks, which a packed
     * array without back-lengths cannot step: one per thread (the loop, a snapshot writer), filled at the
     * first backward step and kept while the same set is unchanged, so a descending walk costs one
     * forward walk in all.
     */
    private static final class BackPositions {
        private static final ThreadLocal<BackPositions> CURRENT = ThreadLocal.withInitial(BackPositions::new);

        private SortedSetValue owner;
        private byte[] array;
        private int stamp;
        private int[] positions = new int[128];

        static int of(SortedSetValue set, int rank) {
            BackPositions b = CURRENT.get();
            if (b.owner != set || b.array != set.packed || b.stamp != set.stamp) {
                b.fill(set);
            }
            return b.positions[rank];
        }

        private void fill(SortedSetValue set) {
            if (positions.length < set.count) {
                positions = new int[set.count];
            }
            byte[] p = set.packed;
            for (int r = 0, pos = 0; r < set.count; r++, pos = PackedMember.next(p, pos)) {
                positions[r] = pos;
            }
            owner = set;
            array = p;
            stamp = set.stamp;
        }
    }
}
