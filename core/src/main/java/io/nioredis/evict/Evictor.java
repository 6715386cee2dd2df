package io.nioredis.evict;

import io.nioredis.store.AccessTracker;
import io.nioredis.store.ExpiryHeap;
import io.nioredis.store.Keyspace;

import io.nioredis.store.Databases;

import io.nioredis.config.Config;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps the store under {@code maxmemory} the way Redis's performEvictions does: before each command (and
 * on each loop turn) it deletes keys chosen by {@code maxmemory-policy} until the store's own accounting is
 * under the limit or half a millisecond has passed; what is left is freed on the following turns.
 *
 * <p>LRU and LFU sample {@code maxmemory-samples} keys per database into an {@link EvictionPool}; the
 * random policies pick one key at random from the databases in turn; volatile-ttl takes the key with the
 * nearest deadline from the top of the expiry heaps, which is exact where Redis samples.
 */
public final class Evictor implements Config.Listener {
    private static final int NOEVICTION = 0;
    private static final int ALLKEYS_LRU = 1;
    private static final int ALLKEYS_LFU = 2;
    private static final int ALLKEYS_RANDOM = 3;
    private static final int VOLATILE_LRU = 4;
    private static final int VOLATILE_LFU = 5;
    private static final int VOLATILE_RANDOM = 6;
    private static final int VOLATILE_TTL = 7;
    /** Redis's eviction time limit at the default maxmemory-eviction-tenacity of 10. */
    private static final long BUDGET_NANOS = 500_000;
    private static final int MAX_SAMPLES = 4096;

    private final Config config;
    private final Databases databases;
    private final EvictionPool pool = new EvictionPool();
    private int[] sample = new int[5];
    private long maxmemory;
    private int policy;
    private int samples;
    /** Where the random policies look next, so every database gives up keys in turn. */
    private int nextDb;

    public Evictor(Config config, Databases databases) {
        this.config = config;
        this.databases = databases;
        config.addListener(this);
        changed("maxmemory");
    }

    @Override
    public void changed(String name) {
        maxmemory = config.getLong("maxmemory");
        // A sample beyond a few thousand keys buys no precision; the cap keeps a huge setting from
        // allocating gigabytes.
        samples = (int) Math.min(config.getLong("maxmemory-samples"), MAX_SAMPLES);
        if (sample.length < samples) {
            sample = new int[samples];
        }
        int logFactor = (int) config.getLong("lfu-log-factor");
        int decayMinutes = (int) config.getLong("lfu-decay-time");
        for (int i = 0; i < databases.count(); i++) {
            databases.get(i).tuneLfu(logFactor, decayMinutes);
        }
        int newPolicy = policyNumber(config.get("maxmemory-policy"));
        if (newPolicy != policy) {
            policy = newPolicy;
            pool.clear();
            // Every key keeps the LRU clock unless an LFU policy wants counters, as in Redis's object header.
            int mode = usesLfu() ? AccessTracker.LFU : AccessTracker.LRU;
            for (int i = 0; i < databases.count(); i++) {
                databases.get(i).trackAccess(mode);
            }
        }
    }

    /** Told how long each eviction cycle took, in nanoseconds (the latency monitor's "eviction-cycle"). */
    private java.util.function.LongConsumer cycleObserver = new java.util.function.LongConsumer() {
        @Override
        public void accept(long nanos) { // not a lambda: start-up code (see Config)
        }
    };

    public void observeCycles(java.util.function.LongConsumer observer) {
        cycleObserver = observer;
    }

    /** True under allkeys-lfu and volatile-lfu: keys carry LFU counters, not the LRU clock. */
    public boolean usesLfu() {
        return policy == ALLKEYS_LFU || policy == VOLATILE_LFU;
    }

    /**
     * True when maxmemory is set and the policy ranks keys by LRU or LFU: then Redis gives every integer
     * value its own object instead of a shared one (MAXMEMORY_FLAG_NO_SHARED_INTEGERS).
     */
    public boolean sharedIntegersDisabled() {
        return maxmemory != 0 && (usesLfu() || policy == ALLKEYS_LRU || policy == VOLATILE_LRU);
    }

    /**
     * Evicts while over maxmemory. Returns false only when memory is over the limit and nothing can be
     * evicted (noeviction, or no candidate key): then commands that may grow memory are refused.
     */
    public boolean makeRoom() {
        if (maxmemory == 0) {
            return true;
        }
        long used = databases.memoryUsage();
        if (used <= maxmemory) {
            return true;
        }
        if (policy == NOEVICTION) {
            return false;
        }
        long start = System.nanoTime();
        try {
            return evictFor(used, start + BUDGET_NANOS);
        } finally {
            cycleObserver.accept(System.nanoTime() - start);
        }
    }

    private boolean evictFor(long used, long until) {
        long toFree = used - maxmemory;
        long freed = 0;
        while (true) {
            long size = evictOne();
            if (size < 0) {
                return false;
            }
            freed += size;
            if (freed >= toFree) {
                // The entries' own bytes are freed; structures shrink later, so measure again.
                used = databases.memoryUsage();
                if (used <= maxmemory) {
                    return true;
                }
                toFree = used - maxmemory;
                freed = 0;
            }
            if (System.nanoTime() > until) {
                return true; // still over: carry on at the next command or loop turn, as Redis does
            }
        }
    }

    /** Deletes one key chosen by the policy; returns the bytes of its entry, or -1 if none could be chosen. */
    long evictOne() {
        switch (policy) {
            case VOLATILE_TTL:
                return evictNearestDeadline();
            case ALLKEYS_RANDOM:
            case VOLATILE_RANDOM:
                return evictRandom(policy == VOLATILE_RANDOM);
            default:
                return evictFromPool(policy == VOLATILE_LRU || policy == VOLATILE_LFU);
        }
    }

    private long evictNearestDeadline() {
        Keyspace best = null;
        for (int i = 0; i < databases.count(); i++) {
            Keyspace db = databases.get(i);
            if (db.expiresCount() > 0 && (best == null || db.nextDeadline() < best.nextDeadline())) {
                best = db;
            }
        }
        return best == null ? -1 : delete(best, best.expiries().peekSlot());
    }

    private long evictRandom(boolean volatileOnly) {
        int count = databases.count();
        for (int i = 0; i < count; i++) {
            Keyspace db = databases.get(nextDb);
            nextDb = (nextDb + 1) % count;
            if (volatileOnly && db.expiresCount() > 0) {
                ExpiryHeap heap = db.expiries();
                return delete(db, heap.slotAt(ThreadLocalRandom.current().nextInt(heap.size())));
            }
            if (!volatileOnly && db.size() > 0) {
                return delete(db, db.randomSlot());
            }
        }
        return -1;
    }

    private long evictFromPool(boolean volatileOnly) {
        long now = databases.get(0).now();
        while (true) {
            boolean any = false;
            for (int d = 0; d < databases.count(); d++) {
                Keyspace db = databases.get(d);
                int n = volatileOnly ? sampleVolatile(db) : sampleAll(db);
                any |= n > 0;
                AccessTracker access = db.access();
                for (int i = 0; i < n; i++) {
                    long score = access == null ? 0 : access.evictionScore(sample[i], now);
                    if (pool.mayAccept(score)) {
                        pool.offer(score, db.keyOf(sample[i]), d);
                    }
                }
            }
            if (!any && pool.size() == 0) {
                return -1;
            }
            while (pool.size() > 0) {
                byte[] key = pool.takeBest();
                Keyspace db = databases.get(pool.lastDb);
                int slot = db.dict().find(key, 0, key.length);
                if (slot >= 0 && (!volatileOnly || db.deadline(slot) >= 0)) {
                    return delete(db, slot);
                }
                // a stale candidate: deleted or changed since it was sampled
            }
            if (!any) {
                return -1;
            }
        }
    }

    /**
     * Up to {@code samples} live slots from a run of consecutive slots starting at a random one, as Redis's
     * dictGetSomeKeys walks consecutive buckets; a database smaller than the sample is taken whole.
     */
    private int sampleAll(Keyspace db) {
        int limit = db.slotLimit();
        if (db.size() == 0 || limit == 0) {
            return 0;
        }
        int want = Math.min(samples, db.size());
        long maxSteps = want >= db.size() ? limit : 10L * want;
        int at = ThreadLocalRandom.current().nextInt(limit);
        int n = 0;
        for (long step = 0; step < maxSteps && n < want; step++) {
            if (db.entry(at) != null) {
                sample[n++] = at;
            }
            at = at + 1 == limit ? 0 : at + 1;
        }
        return n;
    }

    private int sampleVolatile(Keyspace db) {
        ExpiryHeap heap = db.expiries();
        int size = heap.size();
        if (size == 0) {
            return 0;
        }
        int want = Math.min(samples, size);
        int at = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < want; i++) {
            sample[i] = heap.slotAt(at);
            at = at + 1 == size ? 0 : at + 1;
        }
        return want;
    }

    private static long delete(Keyspace db, int slot) {
        return db.evict(slot);
    }

    private static int policyNumber(String name) {
        switch (name) {
            case "allkeys-lru": return ALLKEYS_LRU;
            case "allkeys-lfu": return ALLKEYS_LFU;
            case "allkeys-random": return ALLKEYS_RANDOM;
            case "volatile-lru": return VOLATILE_LRU;
            case "volatile-lfu": return VOLATILE_LFU;
            case "volatile-random": return VOLATILE_RANDOM;
            case "volatile-ttl": return VOLATILE_TTL;
            default: return NOEVICTION;
        }
    }
}
