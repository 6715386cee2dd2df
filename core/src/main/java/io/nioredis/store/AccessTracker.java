package io.nioredis.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The per-key access data of the LRU and LFU eviction policies, one {@code int} per dict slot in pages of
 * a primitive array, as Redis keeps 24 bits in every object header. Every keyspace keeps one, in LRU mode
 * unless an LFU policy is configured, so OBJECT IDLETIME and FREQ are true under any policy.
 *
 * <p>LRU mode stores the second of the last access. LFU mode stores Redis's layout: the minute of the last
 * decrement in the high 16 bits and a logarithmic access counter in the low 8 ({@code evict.c}: new keys
 * start at 5, the counter grows with probability {@code 1 / ((counter - 5) * lfu-log-factor + 1)} and loses
 * one per {@code lfu-decay-time} minute that passes).
 */
public final class AccessTracker {
    public static final int LRU = 1;
    public static final int LFU = 2;

    private static final int SMALL_PAGE_SHIFT = 12;
    /** Pages as big as {@link Dict}'s, and for the same reason: made in the old generation. */
    private static final int BIG_PAGE_SHIFT = Dict.BIG_PAGE_SHIFT;
    static final int LFU_INIT_VAL = 5;
    /** Redis's defaults of lfu-log-factor and lfu-decay-time. */
    static final int DEFAULT_LOG_FACTOR = 10;
    static final int DEFAULT_DECAY_MINUTES = 1;

    final int mode;
    private int[][] pages = new int[0][];
    /** Slots per page: small ones, then big ones once a slot past the first big page's worth is set. */
    private int pageShift = SMALL_PAGE_SHIFT;
    /** lfu-log-factor: the higher, the more hits a counter needs to grow (0: every hit counts). */
    private int logFactor = DEFAULT_LOG_FACTOR;
    /** lfu-decay-time: minutes per unit a counter loses while the key is not used (0: it never decays). */
    private int decayMinutes = DEFAULT_DECAY_MINUTES;

    AccessTracker(int mode) {
        this.mode = mode;
    }

    /** An empty tracker in this one's mode and with its LFU settings, for a keyspace emptied or switched. */
    AccessTracker emptied(int mode) {
        AccessTracker fresh = new AccessTracker(mode);
        fresh.tune(logFactor, decayMinutes);
        return fresh;
    }

    /** lfu-log-factor and lfu-decay-time, applied from the next access on, as Redis reads them. */
    void tune(int logFactor, int decayMinutes) {
        this.logFactor = logFactor;
        this.decayMinutes = decayMinutes;
    }

    /** A key was just added in this slot. */
    void added(int slot, long nowMillis) {
        set(slot, mode == LRU ? lruClock(nowMillis) : (minutes(nowMillis) << 8) | LFU_INIT_VAL);
    }

    /** The key in this slot was just read or written. */
    void touched(int slot, long nowMillis) {
        if (mode == LRU) {
            set(slot, lruClock(nowMillis));
        } else {
            int counter = logIncrement(decayedCounter(get(slot), nowMillis));
            set(slot, (minutes(nowMillis) << 8) | counter);
        }
    }

    /**
     * RESTORE's IDLETIME or FREQ for the key in this slot (negative: not given), as Redis's
     * objectSetLRUOrLFU: each applies only under the policy that keeps it.
     */
    public void restored(int slot, long nowMillis, long lfuFrequency, long lruIdleSeconds) {
        if (mode == LFU && lfuFrequency >= 0) {
            set(slot, (minutes(nowMillis) << 8) | (int) lfuFrequency);
        } else if (mode == LRU && lruIdleSeconds >= 0) {
            set(slot, (int) Math.max(0, lruClock(nowMillis) - lruIdleSeconds));
        }
    }

    /**
     * How good a candidate for eviction the key is: the higher, the better. For LRU the idle time in
     * seconds, for LFU 255 minus the decayed counter, as Redis's evictionPoolPopulate scores them.
     */
    public long evictionScore(int slot, long nowMillis) {
        int v = get(slot);
        if (mode == LRU) {
            return Math.max(0, lruClock(nowMillis) - v);
        }
        return 255 - decayedCounter(v, nowMillis);
    }

    /** {@link #LRU} or {@link #LFU}. */
    public int mode() {
        return mode;
    }

    /** Milliseconds since the key was last used, at the LRU clock's one-second resolution (LRU mode). */
    public long idleMillis(int slot, long nowMillis) {
        return Math.max(0, lruClock(nowMillis) - get(slot)) * 1000L;
    }

    /** The key's LFU counter after decay (LFU mode), as OBJECT FREQ reports it. */
    public int frequency(int slot, long nowMillis) {
        return decayedCounter(get(slot), nowMillis);
    }

    /**
     * The 24 bits Redis keeps in the object's lru field, as DEBUG OBJECT prints them: the LRU clock in
     * seconds modulo 2^24, or the LFU minute and counter.
     */
    public int rawValue(int slot) {
        return mode == LRU ? get(slot) & 0xFFFFFF : get(slot);
    }

    /** The LFU counter after decay, without storing it; Redis's LFUDecrAndReturn. */
    int decayedCounter(int value, long nowMillis) {
        int ldt = value >>> 8;
        int counter = value & 255;
        int now = minutes(nowMillis);
        int elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
        int periods = decayMinutes == 0 ? 0 : elapsed / decayMinutes;
        return periods > counter ? 0 : counter - periods;
    }

    /** Redis's LFULogIncr. */
    int logIncrement(int counter) {
        if (counter == 255) {
            return 255;
        }
        double r = ThreadLocalRandom.current().nextDouble();
        double base = Math.max(0, counter - LFU_INIT_VAL);
        double p = 1.0 / (base * logFactor + 1);
        return r < p ? counter + 1 : counter;
    }

    long memoryUsage() {
        return 16 + 8L * pages.length + (long) pages.length * (16 + (4L << pageShift));
    }

    private static int lruClock(long nowMillis) {
        return (int) (nowMillis / 1000);
    }

    private static int minutes(long nowMillis) {
        return (int) ((nowMillis / 60_000) & 65535);
    }

    int get(int slot) {
        int page = slot >>> pageShift;
        return page < pages.length ? pages[page][slot & ((1 << pageShift) - 1)] : 0;
    }

    private void set(int slot, int value) {
        // The big pages are made ahead, at slots where the dict makes none of its arrays (see Dict's class
        // comment: memory the heap touches for the first time costs milliseconds per MB).
        int inPage = slot & ((1 << BIG_PAGE_SHIFT) - 1);
        if (pageShift == SMALL_PAGE_SHIFT && (inPage == Dict.TRACKER_MERGE_SLOT || slot >>> BIG_PAGE_SHIFT != 0)) {
            mergeIntoBigPage();
        } else if (inPage == Dict.TRACKER_AHEAD_SLOT && slot >>> BIG_PAGE_SHIFT == pages.length - 1) {
            pages = Arrays.copyOf(pages, pages.length + 1);
            pages[pages.length - 1] = PageStock.ints();
        }
        int page = slot >>> pageShift;
        if (page >= pages.length) {
            int old = pages.length;
            pages = Arrays.copyOf(pages, page + 1);
            for (int i = old; i <= page; i++) {
                pages[i] = pageShift == BIG_PAGE_SHIFT ? PageStock.ints() : new int[1 << pageShift];
            }
        }
        pages[page][slot & ((1 << pageShift) - 1)] = value;
    }

    /** Copies the small pages into one big page, and makes every later page a big one. */
    private void mergeIntoBigPage() {
        int[] big = PageStock.ints();
        for (int page = 0; page < pages.length; page++) {
            System.arraycopy(pages[page], 0, big, page << SMALL_PAGE_SHIFT, pages[page].length);
        }
        pages = new int[][] {big};
        pageShift = BIG_PAGE_SHIFT;
    }
}
