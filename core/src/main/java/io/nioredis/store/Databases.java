package io.nioredis.store;

/** The numbered databases of a server (16, as Redis's default), sharing one hash key and one set of stats. */
public final class Databases {
    public static final int DEFAULT_COUNT = 16;

    private final Keyspace[] dbs;
    private final KeyspaceStats stats = new KeyspaceStats();
    private final TouchControl touch = new TouchControl();
    private final ExpiryAuthority expiry = new ExpiryAuthority();
    private final MemoryTotal memory = new MemoryTotal();

    public Databases(Clock clock) {
        this(DEFAULT_COUNT, clock, SipHash.PROCESS);
    }

    public static Databases of(int count, Clock clock) {
        return new Databases(count, clock, SipHash.PROCESS);
    }

    public Databases(int count, Clock clock, SipHash hasher) {
        dbs = new Keyspace[count];
        for (int i = 0; i < count; i++) {
            dbs[i] = new Keyspace(i, hasher, clock, stats, touch, expiry, memory);
        }
    }

    public int count() {
        return dbs.length;
    }

    public Keyspace get(int index) {
        return dbs[index];
    }

    public KeyspaceStats stats() {
        return stats;
    }

    /** The switch CLIENT NO-TOUCH turns off for the commands of such a client. */
    public TouchControl touch() {
        return touch;
    }

    /** Whether expired keys are deleted when found, or left for a master to delete. */
    public ExpiryAuthority expiry() {
        return expiry;
    }

    /** One round of avg_ttl sampling in every database, on the periodic tick (see {@link Keyspace#sampleTtls}). */
    public void sampleTtls(long now, java.util.random.RandomGenerator random) {
        for (Keyspace db : dbs) {
            db.sampleTtls(now, random);
        }
    }

    public void flushAll() {
        for (Keyspace db : dbs) {
            db.clear();
        }
    }

    /** Active expiry over all databases, at most {@code maxKeys} in all; returns how many were deleted. */
    public int expireSome(long now, int maxKeys) {
        int n = 0;
        for (Keyspace db : dbs) {
            if (n >= maxKeys) {
                break;
            }
            n += db.expireSome(now, maxKeys - n);
        }
        return n;
    }

    public long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Keyspace db : dbs) {
            next = Math.min(next, db.nextDeadline());
        }
        return next;
    }

    /** Rehash work for the periodic tick; true if some database still has rehash work. */
    public boolean rehashSteps(int bucketsPerDb) {
        boolean more = false;
        for (Keyspace db : dbs) {
            more |= db.rehashSteps(bucketsPerDb);
        }
        return more;
    }

    /**
     * The bytes all databases hold ({@link Keyspace#memoryUsage} summed), kept as they change, so reading it
     * costs one load. What changes without the database's knowing, a rehash that ends during a lookup, is
     * counted at the next change to that database or the next {@link #rehashSteps}, on the periodic tick.
     */
    public long memoryUsage() {
        return memory.bytes();
    }
}
