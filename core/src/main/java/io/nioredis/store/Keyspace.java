package io.nioredis.store;

import java.util.Arrays;


/**
 * One database: the dict of keys, the heap of their deadlines and the clock that decides what has expired.
 *
 * <p>Keys are addressed by dict slot. An expired key is never handed out: {@link #lookup} deletes it first
 * (Redis's lazy expiry), and {@link #expireSome} reclaims keys from the top of the heap (active expiry).
 * Slots are valid until the next call that may delete or add a key.
 */
public final class Keyspace implements Scannable {
    private Dict dict;
    private ExpiryHeap expiries = new ExpiryHeap();
    private final SipHash hasher;
    /**
     * The running snapshot's claim on this dict, or null: every slot this keyspace hands out, changes or
     * frees is shown to it first (see {@link SnapshotCut}). Lookups count as changes, since a command may
     * change an aggregate in place once it holds the slot.
     */
    private SnapshotCut cut;
    private final Clock clock;
    private final KeyspaceStats stats;
    private final int index;
    private KeyspaceEvents events = KeyspaceEvents.NONE;
    private KeyArrivals arrivals = KeyArrivals.NONE;
    private KeyRemovals removals = KeyRemovals.NONE;
    /** Heap bytes of the entries themselves, kept up to date on every change. */
    private long entryBytes;
    /** The total all databases add to, and what this one last added to it (see {@link #report}). */
    private final MemoryTotal total;
    private long reported;
    /**
     * Access times (LRU) or frequencies (LFU) per slot, as Redis keeps them in every object header: the LRU
     * clock unless an LFU policy is configured, so OBJECT IDLETIME is true under any policy.
     */
    private AccessTracker access = new AccessTracker(AccessTracker.LRU);
    private final TouchControl touch;
    private final ExpiryAuthority expiry;
    /** Keys by cluster hash slot, in cluster mode only (null otherwise, costing nothing). */
    private SlotKeys slotKeys;
    /** Redis's db->avg_ttl: a running estimate of the remaining TTL of keys with one, in milliseconds. */
    private long avgTtl;
    /** Where {@link #placeString} put the last entry in the array it returned. */
    private int placedBase;

    public Keyspace(SipHash hasher, Clock clock, KeyspaceStats stats) {
        this(0, hasher, clock, stats, new TouchControl(), new ExpiryAuthority(), new MemoryTotal());
    }

    public Keyspace(int index, SipHash hasher, Clock clock, KeyspaceStats stats, TouchControl touch,
                    ExpiryAuthority expiry, MemoryTotal total) {
        this.expiry = expiry;
        this.total = total;
        this.index = index;
        this.hasher = hasher;
        this.dict = newDict();
        this.clock = clock;
        this.stats = stats;
        this.touch = touch;
        report();
    }

    /**
     * A keyspace's dict keeps its keys' hashes from its first key on, where other dicts start at a growth
     * past {@link Dict#KEEP_HASHES_FROM} buckets: that growth stores the hashes of the keys already there in
     * one walk, which stalled the insert at the 32,768th key of a fresh server's first fill for 13-22 ms
     * (a walk run once, so in the interpreter). A keyspace is the dict most likely to grow that far, and
     * 4 bytes per key are little beside a key's entry.
     */
    private Dict newDict() {
        Dict fresh = new Dict(hasher);
        fresh.keepHashes();
        return fresh;
    }

    /** Starts keeping the keys by cluster hash slot (cluster mode), indexing the keys already present. */
    public void indexBySlot() {
        slotKeys = new SlotKeys();
        for (int slot = 0; slot < dict.slotLimit(); slot++) {
            Object entry = dict.get(slot);
            if (entry != null) {
                indexAdded(slot, entry, dict.base(slot));
            }
        }
    }

    /** The keys by cluster hash slot, or null outside cluster mode. */
    public SlotKeys slotKeys() {
        return slotKeys;
    }

    private void indexAdded(int slot, Object entry, int base) {
        if (entry instanceof byte[]) {
            byte[] e = (byte[]) entry;
            slotKeys.added(slot, e, StringEntry.keyOffset(e, base), StringEntry.keyLength(e, base));
        } else {
            byte[] k = ((KeyedValue) entry).key();
            slotKeys.added(slot, k, 0, k.length);
        }
    }

    /** Who hears of keys expired or evicted, for the AOF and replicas. */
    public void removals(KeyRemovals removals) {
        this.removals = removals;
    }

    /** The database number, as SELECT names it. */
    public int index() {
        return index;
    }

    public void events(KeyspaceEvents events) {
        this.events = events;
    }

    /** Who hears of keys added, for clients blocked on them (BLPOP and the like). */
    public void arrivals(KeyArrivals arrivals) {
        this.arrivals = arrivals;
    }

    /**
     * A write command reports a change it made: WATCH sees the key as touched and a keyspace
     * notification of class {@code type} named {@code event} goes out, as Redis's write commands call
     * signalModifiedKey and notifyKeyspaceEvent.
     */
    public void changed(int type, String event, byte[] k, int off, int len) {
        stats.dirty++;
        events.modified(this, k, off, len);
        events.notify(type, event, this, k, off, len);
    }

    /**
     * A change without a notification, as Redis's signalModifiedKey alone: PFCOUNT rewriting an HLL's cached
     * cardinality is seen by WATCH but publishes no event.
     */
    public void modified(byte[] k, int off, int len) {
        stats.dirty++;
        events.modified(this, k, off, len);
    }

    /**
     * A change that neither WATCH nor notifications see, only save points and propagation: Redis's bare
     * server.dirty++ in the consumer group commands and XACK.
     */
    public void countChanges(long n) {
        stats.dirty += n;
    }

    /** A notification without a modification, e.g. the "expire" event that follows "set" for SET EX. */
    public void notify(int type, String event, byte[] k, int off, int len) {
        events.notify(type, event, this, k, off, len);
    }

    public long now() {
        return clock.millis();
    }

    public int size() {
        return dict.size();
    }

    public int expiresCount() {
        return expiries.size();
    }

    /**
     * The live slot holding the key, deleting it first if it has expired; -1 if absent. The key counts as
     * accessed (LRU clock, LFU counter) unless CLIENT NO-TOUCH says otherwise.
     */
    public int lookup(byte[] k, int off, int len) {
        int slot = liveSlot(k, off, len);
        if (slot >= 0 && !touch.suspended()) {
            access.touched(slot, clock.recentMillis());
        }
        return slot;
    }

    private int liveSlot(byte[] k, int off, int len) {
        int slot = dict.find(k, off, len);
        if (slot < 0) {
            return -1;
        }
        if (cut != null) {
            cut.beforeChange(slot);
        }
        long deadline = expiries.deadline(slot);
        if (deadline >= 0 && deadline <= clock.millis()) {
            int mode = expiry.mode();
            if (mode == ExpiryAuthority.KEEP) {
                return slot;
            }
            if (mode == ExpiryAuthority.DELETE) {
                expire(slot);
            }
            return -1;
        }
        return slot;
    }

    /** As {@link #lookup}, counting a keyspace hit or miss as Redis's read commands do. */
    public int lookupRead(byte[] k, int off, int len) {
        return countRead(lookup(k, off, len), k, off, len);
    }

    /**
     * As {@link #lookupRead} but leaving the key's access data alone, as Redis's LOOKUP_NOTOUCH lookups for
     * EXISTS, TTL, TYPE and OBJECT: asking about a key is not using it.
     */
    public int lookupReadNoTouch(byte[] k, int off, int len) {
        return countRead(liveSlot(k, off, len), k, off, len);
    }

    /**
     * The slot holding the key even if its deadline has passed, with no expiry, statistics or access update:
     * what DEBUG and MEMORY USAGE see, as Redis's dictFind on the keyspace.
     */
    public int peek(byte[] k, int off, int len) {
        int slot = dict.find(k, off, len);
        if (slot >= 0 && cut != null) {
            cut.beforeChange(slot);
        }
        return slot;
    }

    private int countRead(int slot, byte[] k, int off, int len) {
        if (slot >= 0) {
            stats.keyspaceHits++;
        } else {
            stats.keyspaceMisses++;
            events.notify(KeyspaceEvents.KEY_MISS, "keymiss", this, k, off, len);
        }
        return slot;
    }

    /**
     * The value in a live slot: a {@link KeyedValue}, or for a string the byte array that holds its
     * {@link StringEntry} at {@link #stringBase}, an array other strings' entries may share.
     */
    public Object entry(int slot) {
        return dict.get(slot);
    }

    /** The array holding the string entry of a live string slot (see {@link #entry}). */
    public byte[] stringArray(int slot) {
        return (byte[]) dict.get(slot);
    }

    /** Where the string entry of a live string slot starts in {@link #stringArray}. */
    public int stringBase(int slot) {
        return dict.base(slot);
    }

    /** Adds an aggregate whose key is known to be absent (look it up first); returns its slot. */
    public int add(KeyedValue value) {
        return added(dict.add(value), value, 0);
    }

    /** Adds a string key known to be absent, with a copy of the value and the mark; returns its slot. */
    public int addString(byte[] k, int koff, int klen, byte[] v, int voff, int vlen, int made) {
        byte[] e = placeStringWithValue(k, koff, klen, v, voff, vlen, made);
        int base = placedBase;
        return added(dict.addAt(e, base), e, base);
    }

    /**
     * As {@link #addString}, right after a {@link #lookup} of this key (from unchanged bytes) found nothing:
     * the key is not hashed again. SET and INCR of a new key.
     */
    public int addStringAfterMiss(byte[] k, int koff, int klen, byte[] v, int voff, int vlen, int made) {
        byte[] e = placeStringWithValue(k, koff, klen, v, voff, vlen, made);
        int base = placedBase;
        return added(dict.addAtAfterMiss(e, base), e, base);
    }

    /** Adds a string key known to be absent whose value is {@code vlen} zero bytes; returns its slot. */
    public int addZeroedString(byte[] k, int koff, int klen, int vlen, int made) {
        byte[] e = placeString(k, koff, klen, vlen, made);
        int base = placedBase;
        int valueOffset = StringEntry.valueOffset(e, base);
        Arrays.fill(e, valueOffset, valueOffset + vlen, (byte) 0);
        return added(dict.addAt(e, base), e, base);
    }

    private int added(int slot, Object entry, int base) {
        entryBytes += sizeOf(entry, base);
        if (cut != null) {
            cut.added(slot);
        }
        if (slotKeys != null) {
            indexAdded(slot, entry, base);
        }
        access.added(slot, clock.recentMillis());
        report();
        arrivals.arrived(this, entry);
        return slot;
    }

    /** Replaces the value of a live slot with an aggregate of the same key, keeping the deadline. */
    public void replace(int slot, KeyedValue value) {
        if (cut != null) {
            cut.beforeChange(slot);
        }
        Object old = dict.get(slot);
        if (old != value) {
            int oldBase = dict.base(slot);
            entryBytes += sizeOf(value, 0) - sizeOf(old, oldBase);
            dict.set(slot, value, 0);
            report();
            arrivals.departed(this, old, oldBase);
            release(old, oldBase);
        }
    }

    /**
     * Makes the value of a live slot the string {@code v[voff, voff + vlen)} with the mark, whatever the slot
     * held, keeping key and deadline. A string whose new entry takes the same room is overwritten where it is.
     */
    public void setString(int slot, byte[] v, int voff, int vlen, int made) {
        if (cut != null) {
            cut.beforeChange(slot);
        }
        Object old = dict.get(slot);
        int oldBase = dict.base(slot);
        if (old instanceof byte[] o) {
            if (StringEntry.valueLength(o, oldBase) == vlen) { // SET's common case: the length is the same
                StringEntry.made(o, oldBase, made);
                System.arraycopy(v, voff, o, StringEntry.valueOffset(o, oldBase), vlen);
                return;
            }
            if (fitsInPlace(o, oldBase, vlen)) {
                StringEntry.made(o, oldBase, made);
                System.arraycopy(v, voff, o, StringEntry.rewriteValueLength(o, oldBase, vlen), vlen);
                return;
            }
        }
        byte[] e = placeStringWithKeyOf(old, oldBase, vlen, made);
        int base = placedBase;
        System.arraycopy(v, voff, e, StringEntry.valueOffset(e, base), vlen);
        replaced(slot, old, oldBase, e, base);
    }

    /**
     * Gives the string in a live string slot a value of {@code vlen} bytes, keeping as much of the old value
     * as fits and zeroing the rest, and the mark; the entry may move (read {@link #stringArray} and
     * {@link #stringBase} again). For the commands that change a string in place (APPEND, SETRANGE, SETBIT...).
     */
    public void resizeString(int slot, int vlen, int made) {
        if (cut != null) {
            cut.beforeChange(slot);
        }
        byte[] old = (byte[]) dict.get(slot);
        int oldBase = dict.base(slot);
        int oldLength = StringEntry.valueLength(old, oldBase);
        int oldOffset = StringEntry.valueOffset(old, oldBase);
        int kept = Math.min(oldLength, vlen);
        StringEntry.made(old, oldBase, made);
        if (fitsInPlace(old, oldBase, vlen)) {
            // The value moves first: a longer length may take its first byte.
            int valueOffset = StringEntry.valueOffsetFor(old, oldBase, vlen);
            System.arraycopy(old, oldOffset, old, valueOffset, kept);
            StringEntry.rewriteValueLength(old, oldBase, vlen);
            Arrays.fill(old, valueOffset + kept, valueOffset + vlen, (byte) 0);
            return;
        }
        byte[] e = placeStringWithKeyOf(old, oldBase, vlen, made);
        int base = placedBase;
        int valueOffset = StringEntry.valueOffset(e, base);
        System.arraycopy(old, oldOffset, e, valueOffset, kept);
        Arrays.fill(e, valueOffset + kept, valueOffset + vlen, (byte) 0);
        replaced(slot, old, oldBase, e, base);
    }

    /**
     * Makes the string in a live string slot at least {@code minLength} bytes long, as {@link #resizeString}
     * does, and gives it the mark either way; true if it grew (the entry may have moved). SETRANGE and the bit
     * commands, which then write into the value.
     */
    public boolean growString(int slot, int minLength, int made) {
        byte[] e = (byte[]) dict.get(slot);
        int base = dict.base(slot);
        if (StringEntry.valueLength(e, base) < minLength) {
            resizeString(slot, minLength, made);
            return true;
        }
        if (cut != null) {
            cut.beforeChange(slot);
        }
        StringEntry.made(e, base, made);
        return false;
    }

    /**
     * True if the string entry at {@code base} in {@code e}, given a value of {@code vlen} bytes, keeps its
     * room: the same chunk size in the arena, or the same length in an array of its own.
     */
    private static boolean fitsInPlace(byte[] e, int base, int vlen) {
        int size = StringEntry.size(e, base);
        int newSize = StringEntry.size(StringEntry.keyLength(e, base), vlen);
        if (StringArena.holds(size)) {
            return StringArena.holds(newSize) && StringArena.chunkSize(newSize) == StringArena.chunkSize(size);
        }
        return newSize == size;
    }

    private void replaced(int slot, Object old, int oldBase, byte[] e, int base) {
        entryBytes += sizeOf(e, base) - sizeOf(old, oldBase);
        dict.set(slot, e, base);
        report();
        arrivals.departed(this, old, oldBase);
        release(old, oldBase);
    }

    /**
     * Room for a string entry with this key and a value of {@code vlen} zero bytes, its key and mark written:
     * returns the array and leaves the entry's base in {@link #placedBase}.
     */
    private byte[] placeString(byte[] k, int koff, int klen, int vlen, int made) {
        int size = StringEntry.size(klen, vlen);
        byte[] e;
        if (StringArena.holds(size)) {
            StringArena arena = dict.strings();
            e = arena.allocate(size);
            placedBase = arena.allocatedBase();
        } else {
            e = new byte[size];
            placedBase = 0;
        }
        StringEntry.write(e, placedBase, k, koff, klen, vlen, made);
        return e;
    }

    /** As {@link #placeString}, with a copy of {@code v[voff, voff + vlen)} as the value. */
    private byte[] placeStringWithValue(byte[] k, int koff, int klen, byte[] v, int voff, int vlen, int made) {
        byte[] e = placeString(k, koff, klen, vlen, made);
        System.arraycopy(v, voff, e, StringEntry.valueOffset(e, placedBase), vlen);
        return e;
    }

    /** As {@link #placeString}, with the key of the entry at {@code base} in {@code entry} (or a value's). */
    private byte[] placeStringWithKeyOf(Object entry, int base, int vlen, int made) {
        if (entry instanceof byte[] o) {
            return placeString(o, StringEntry.keyOffset(o, base), StringEntry.keyLength(o, base), vlen, made);
        }
        byte[] key = ((KeyedValue) entry).key();
        return placeString(key, 0, key.length, vlen, made);
    }

    /** The entry at {@code base} in {@code entry} has left the dict: its room may be used again. */
    private void release(Object entry, int base) {
        if (entry instanceof byte[] e) {
            int size = StringEntry.size(e, base);
            if (StringArena.holds(size)) {
                dict.strings().free(e, base, size);
            }
        }
    }

    /** For values changed in place, such as an aggregate that grew. */
    public void adjustMemory(long delta) {
        entryBytes += delta;
        report();
    }

    public void delete(int slot) {
        if (cut != null) {
            cut.beforeChange(slot);
        }
        expiries.remove(slot);
        Object entry = dict.get(slot);
        int base = dict.base(slot);
        entryBytes -= sizeOf(entry, base);
        if (slotKeys != null) {
            slotKeys.removed(slot);
        }
        dict.remove(slot);
        report();
        arrivals.departed(this, entry, base);
        release(entry, base);
    }

    /**
     * Deletes the key of an aggregate a command has just emptied, with the "del" notification Redis
     * sends then (after the command's own event); true if it did. The value finds its own key, so the
     * caller needs no slot that an add or delete since its lookup could have moved.
     */
    public boolean deleteIfEmpty(KeyedValue value) {
        if (!value.isEmpty()) {
            return false;
        }
        byte[] k = value.key();
        delete(dict.find(k, 0, k.length));
        events.notify(KeyspaceEvents.GENERIC, "del", this, k, 0, k.length);
        return true;
    }

    /** Deletes the key if present and live; true if it was. */
    public boolean delete(byte[] k, int off, int len) {
        int slot = lookup(k, off, len);
        if (slot < 0) {
            return false;
        }
        delete(slot);
        return true;
    }

    /**
     * Moves the live entry at {@code slot} to a new key, which must be absent (delete it first), keeping
     * the value and its deadline, as RENAME does; returns the new slot. Strings get a new packed entry,
     * aggregates are re-keyed without copying their elements.
     */
    public int rename(int slot, byte[] k, int off, int len) {
        Object entry = dict.get(slot);
        int base = dict.base(slot);
        long deadline = expiries.deadline(slot);
        int newSlot;
        if (entry instanceof byte[] e) {
            // Added before the old key is deleted, so the value is copied from its room before the room is
            // given up; the same object to Redis, so the mark goes along.
            newSlot = addString(k, off, len, e, StringEntry.valueOffset(e, base), StringEntry.valueLength(e, base),
                    StringEntry.made(e, base));
            delete(slot);
        } else {
            delete(slot);
            KeyedValue value = (KeyedValue) entry;
            value.rekey(Arrays.copyOfRange(k, off, off + len));
            newSlot = add(value);
        }
        if (deadline >= 0) {
            expiries.set(newSlot, deadline);
            report();
        }
        return newSlot;
    }

    /**
     * Adds to {@code target} (this keyspace or another, the key absent there) a copy of the entry at
     * {@code slot} under another key, for COPY; returns the new slot. Strings are repacked, aggregates copy
     * themselves through {@link KeyedValue#copy}.
     */
    public int copyTo(int slot, Keyspace target, byte[] k, int off, int len) {
        Object entry = dict.get(slot);
        if (entry instanceof byte[] e) {
            int base = dict.base(slot);
            int made = StringEntry.made(e, base);
            // dupStringObject keeps the encoding, but an integer gets an object of its own
            return target.addString(k, off, len, e, StringEntry.valueOffset(e, base), StringEntry.valueLength(e, base),
                    made == StringEntry.BY_VALUE ? StringEntry.COPIED : made);
        }
        return target.add(((KeyedValue) entry).copy(Arrays.copyOfRange(k, off, off + len)));
    }

    /**
     * Moves the entry at {@code slot} to {@code target} (another database, the key absent there), with its
     * deadline, for MOVE; returns the new slot there.
     */
    public int moveTo(int slot, Keyspace target) {
        Object entry = dict.get(slot);
        long deadline = expiries.deadline(slot);
        int newSlot;
        if (entry instanceof byte[] e) {
            int base = dict.base(slot);
            int koff = StringEntry.keyOffset(e, base);
            newSlot = target.addString(e, koff, StringEntry.keyLength(e, base), e, StringEntry.valueOffset(e, base),
                    StringEntry.valueLength(e, base), StringEntry.made(e, base));
            delete(slot);
        } else {
            delete(slot);
            newSlot = target.add((KeyedValue) entry);
        }
        if (deadline >= 0) {
            target.setDeadline(newSlot, deadline);
        }
        return newSlot;
    }

    /** The slot's deadline in Unix milliseconds, or -1 if it has none. */
    public long deadline(int slot) {
        return expiries.deadline(slot);
    }

    public void setDeadline(int slot, long unixMillis) {
        if (cut != null) {
            cut.beforeChange(slot);
        }
        expiries.set(slot, unixMillis);
        report();
    }

    /** Removes the slot's deadline; true if it had one. */
    public boolean persist(int slot) {
        if (cut != null) {
            cut.beforeChange(slot);
        }
        boolean had = expiries.remove(slot);
        report();
        return had;
    }

    /** The earliest deadline of any key, or Long.MAX_VALUE if none has one. */
    public long nextDeadline() {
        return expiries.isEmpty() ? Long.MAX_VALUE : expiries.peekDeadline();
    }

    /**
     * Deletes keys whose deadline is at or before {@code now}, earliest first, at most {@code maxKeys} of
     * them; returns how many it deleted. The caller bounds the work per loop turn so that a million keys
     * expiring at once are reclaimed over several turns while clients are still served.
     */
    public int expireSome(long now, int maxKeys) {
        int n = 0;
        while (n < maxKeys && !expiries.isEmpty() && expiries.peekDeadline() <= now) {
            expire(expiries.peekSlot());
            n++;
        }
        return n;
    }

    /** Deletes a key whose deadline has passed, telling watchers and subscribers as Redis does. */
    private void expire(int slot) {
        stats.expiredKeys++;
        byte[] key = removals != KeyRemovals.NONE || events != KeyspaceEvents.NONE ? keyOf(slot) : null;
        removals.expired(this, key);
        delete(slot);
        if (events != KeyspaceEvents.NONE) {
            events.notify(KeyspaceEvents.EXPIRED, "expired", this, key, 0, key.length);
            events.modified(this, key, 0, key.length);
        }
    }

    /**
     * Deletes a key chosen by the eviction policy, telling watchers and subscribers as Redis's
     * performEvictions does; returns the bytes its entry took.
     */
    public long evict(int slot) {
        stats.evictedKeys++;
        byte[] key = removals != KeyRemovals.NONE || events != KeyspaceEvents.NONE ? keyOf(slot) : null;
        removals.evicted(this, key);
        long size = sizeOf(dict.get(slot), dict.base(slot));
        delete(slot);
        if (events != KeyspaceEvents.NONE) {
            events.modified(this, key, 0, key.length);
            events.notify(KeyspaceEvents.EVICTED, "evicted", this, key, 0, key.length);
        }
        return size;
    }

    /** Periodic housekeeping: some rehash work and a shrink check. Returns true if rehash work remains. */
    public boolean rehashSteps(int buckets) {
        dict.shrinkIfNeeded();
        boolean more = dict.rehashSteps(buckets);
        report();
        return more;
    }

    /** FLUSHDB: removes every key. Listeners hear of it first, while they can still see which keys existed. */
    public void clear() {
        events.flushed(this);
        stats.dirty += dict.size();
        if (cut != null) {
            // The snapshot keeps the old dict and heap to itself and finishes writing them at its pace.
            cut = null;
            dict = newDict();
            expiries = new ExpiryHeap();
        } else {
            dict.clear();
            expiries.clear();
        }
        entryBytes = 0;
        avgTtl = 0;
        access = access.emptied(access.mode);
        if (slotKeys != null) {
            slotKeys.clear();
        }
        report();
        arrivals.flushed(this);
    }

    /**
     * SWAPDB: exchanges all keys and deadlines with another database; each keeps its number and its
     * listeners, so clients that selected a number see the other data from now on.
     */
    public void swapContents(Keyspace other) {
        Dict d = dict;
        dict = other.dict;
        other.dict = d;
        ExpiryHeap e = expiries;
        expiries = other.expiries;
        other.expiries = e;
        long b = entryBytes;
        entryBytes = other.entryBytes;
        other.entryBytes = b;
        long t = avgTtl;
        avgTtl = other.avgTtl;
        other.avgTtl = t;
        AccessTracker a = access;
        access = other.access;
        other.access = a;
        SnapshotCut c = cut;
        cut = other.cut;
        other.cut = c;
        report();
        other.report();
    }

    /**
     * Starts a point-in-time snapshot of this database as it is now: every entry present is written
     * through {@code writer} exactly once, as it is at this moment, by the returned cut's walk or, first,
     * by whatever change comes to it.
     */
    public SnapshotCut startCut(SnapshotCut.Writer writer) {
        cut = new SnapshotCut(index, dict, expiries, writer);
        return cut;
    }

    /**
     * Before a command that names this key runs while a snapshot is cut: true if the command must wait
     * because the key's value is with the snapshot's writer thread (a big value the walk had not reached is
     * handed over now). No lookup side effects: the command itself looks the key up when it runs.
     */
    public boolean snapshotHolds(byte[] k, int off, int len) {
        if (cut == null) {
            return false;
        }
        int slot = dict.find(k, off, len);
        return slot >= 0 && cut.holdsForChange(slot);
    }

    /** Drops {@code finished}'s claim on this keyspace's dict if it still holds one. */
    public void endCut(SnapshotCut finished) {
        if (cut == finished) {
            cut = null;
        }
    }

    /** Keys Redis samples per round of its active expiry cycle (ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP). */
    static final int TTL_SAMPLES = 20;

    /**
     * One round of Redis's avg_ttl estimate: the remaining TTL of up to 20 random keys with a deadline,
     * averaged, then folded into the running estimate with a weight of 2% (activeExpireCycle). The expiry
     * heap holds exactly the keys with a deadline, so a random heap position is a random such key.
     */
    public void sampleTtls(long now, java.util.random.RandomGenerator random) {
        int n = expiries.size();
        if (n == 0) {
            avgTtl = 0;
            return;
        }
        long sum = 0;
        int samples = 0;
        for (int i = 0; i < Math.min(n, TTL_SAMPLES); i++) {
            long ttl = expiries.deadline(expiries.slotAt(random.nextInt(n))) - now;
            if (ttl > 0) {
                sum += ttl;
                samples++;
            }
        }
        if (samples > 0) {
            long avg = sum / samples;
            if (avgTtl == 0) {
                avgTtl = avg;
            }
            avgTtl = (avgTtl / 50) * 49 + (avg / 50);
        }
    }

    /** The avg_ttl INFO keyspace reports, in milliseconds; 0 before any estimate. */
    public long avgTtl() {
        return avgTtl;
    }

    /** One step of a SCAN over the keys (see {@link Dict#scan}); the visitor must not change the keyspace. */
    @Override
    public long scan(long cursor, java.util.function.IntConsumer visitor) {
        return dict.scan(cursor, visitor);
    }

    /** Upper bound of slot numbers for iteration; {@link #entry} is null for free slots. */
    public int slotLimit() {
        return dict.slotLimit();
    }

    /** True if the slot holds a key that has not expired. Iterators skip the others. */
    public boolean isLive(int slot, long now) {
        if (dict.get(slot) == null) {
            return false;
        }
        long d = expiries.deadline(slot);
        return d < 0 || d > now;
    }

    /** A random live key's slot, or -1 when empty. */
    public int randomSlot() {
        return dict.randomSlot();
    }

    /**
     * Per key, what the dict's slot arena (entry reference and chain link), its bucket and the access data
     * cost beside the entry itself.
     */
    private static final long SLOT_BYTES = 16;

    /** MEMORY USAGE: the entry (key and value) plus its share of the dict, by this store's own accounting. */
    public long keyMemoryUsage(int slot) {
        return sizeOf(dict.get(slot), dict.base(slot)) + SLOT_BYTES;
    }

    /** MEMORY STATS overhead.hashtable.main: the dict's tables and arena plus the per-key access data. */
    public long mainTableOverhead() {
        return dict.overheadBytes() + access.memoryUsage();
    }

    /** MEMORY STATS overhead.hashtable.expires: the expiry heap. */
    public long expiresOverhead() {
        return expiries.memoryUsage();
    }

    public long memoryUsage() {
        return entryBytes + dict.overheadBytes() + expiries.memoryUsage()
                + access.memoryUsage();
    }

    /**
     * Brings the shared total up to date with {@link #memoryUsage}: after every change this class makes, and
     * on the periodic tick for what changes without it (a rehash that ends during a lookup).
     */
    void report() {
        long now = memoryUsage();
        total.add(now - reported);
        reported = now;
    }

    public Dict dict() {
        return dict;
    }

    public ExpiryHeap expiries() {
        return expiries;
    }

    /** The per-key access data (LRU clock or LFU counters). */
    public AccessTracker access() {
        return access;
    }

    /** lfu-log-factor and lfu-decay-time for this keyspace's LFU counters. */
    public void tuneLfu(int logFactor, int decayMinutes) {
        access.tune(logFactor, decayMinutes);
    }

    /**
     * Switches between keeping the LRU clock and LFU counters per key; existing keys start out as if new
     * (Redis's data takes a while to adjust after such a switch too).
     */
    public void trackAccess(int mode) {
        if (access.mode == mode) {
            return;
        }
        access = access.emptied(mode);
        long now = clock.millis();
        for (int slot = 0; slot < dict.slotLimit(); slot++) {
            if (dict.get(slot) != null) {
                access.added(slot, now);
            }
        }
        report();
    }

    /** Bytes of heap the entry at {@code base} in {@code entry} (or a value) takes. */
    static long sizeOf(Object entry, int base) {
        if (entry instanceof byte[] e) {
            int size = StringEntry.size(e, base);
            return StringArena.holds(size) ? StringArena.chunkSize(size) : (16 + size + 7) & ~7L;
        }
        return ((KeyedValue) entry).memoryUsage();
    }

    /** The key of the entry in a live slot, copied; cold paths only (KEYS, RANDOMKEY, expiry). */
    public byte[] keyOf(int slot) {
        return keyOf(dict.get(slot), dict.base(slot));
    }

    /** The key of the entry at {@code base} in {@code entry} (or of a value), copied. */
    public static byte[] keyOf(Object entry, int base) {
        if (entry instanceof byte[] e) {
            int off = StringEntry.keyOffset(e, base);
            return Arrays.copyOfRange(e, off, off + StringEntry.keyLength(e, base));
        }
        return ((KeyedValue) entry).key();
    }
}
