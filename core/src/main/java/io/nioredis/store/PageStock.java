package io.nioredis.store;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The store's 512 KB arrays (a dict's slot pages, a bucket table's pages, an access tracker's pages, a
 * string arena's pages), kept ready by a thread of their own once the server asks for one ({@link #useMaker}).
 *
 * <p>The JVM zeroes an array as it makes it, so whichever thread makes a big array takes the first touch of
 * the fresh memory it lands in: on a virtual machine that costs ~6 ms per 512 KB in 4 KB pages, or 5-14 ms
 * for one fresh 2 MB huge page, and on the event loop those touches were a fill's longest stalls. The maker
 * keeps a few arrays of each size ready; the loop takes one and the maker makes the next. With its own core
 * the maker costs the loop nothing; sharing one, the scheduler hands the core back and forth in slices
 * instead of the loop waiting for a whole page. Without a maker (tests, tools), or when none is ready, the
 * caller makes the array itself, as before. Arrays in stock are memory the heap holds but no structure
 * counts, at most 4 MB (eight arrays), as an allocator keeps freed memory for its next allocation.
 */
public final class PageStock {
    /** Length of {@link #ints} and {@link #objects} (512 KB each, with compressed references). */
    public static final int INTS = 1 << 17;
    public static final int OBJECTS = 1 << 17;
    /** Length of {@link #bytes}. */
    public static final int BYTES = 1 << 19;

    private static final int KIND_INTS = 0;
    private static final int KIND_OBJECTS = 1;
    private static final int KIND_BYTES = 2;
    /**
     * The stock's places and the kind of array each holds. Int pages are asked for most, in bursts: while a
     * bucket table's next growth is made ahead, a page every 2,048 inserts besides a dict's links and bases.
     */
    private static final int[] KIND_OF_PLACE = {
        KIND_INTS, KIND_INTS, KIND_INTS, KIND_INTS, KIND_INTS, KIND_INTS, KIND_OBJECTS, KIND_BYTES,
    };

    /** Arrays the stock holds when full. */
    static final int PLACES = KIND_OF_PLACE.length;

    private static final AtomicReferenceArray<Object> READY = new AtomicReferenceArray<>(PLACES);
    /** Kinds asked for at least once: the maker stocks only those, so an idle server holds none. */
    private static final boolean[] WANTED = new boolean[3];
    private static volatile boolean anyWanted;
    private static volatile boolean allWanted;
    private static volatile boolean makerWanted;
    private static volatile Thread maker;
    /** Counts {@link #reset}s, so that an array the maker was making before one is not put in the stock after. */
    private static volatile int generation;

    private PageStock() {}

    /** A zeroed {@code int[INTS]} that no one else holds. */
    public static int[] ints() {
        return (int[]) take(KIND_INTS);
    }

    /** A zeroed {@code Object[OBJECTS]} that no one else holds. */
    public static Object[] objects() {
        return (Object[]) take(KIND_OBJECTS);
    }

    /** A zeroed {@code byte[BYTES]} that no one else holds. */
    public static byte[] bytes() {
        return (byte[]) take(KIND_BYTES);
    }

    /**
     * Arrays of every kind will be asked for soon (a dict has reached a quarter of its first big page): the
     * maker, if the server uses one, stocks them now, so that not even the first of each kind is made on the
     * caller's thread.
     */
    public static void anticipate() {
        if (!makerWanted || allWanted) {
            return;
        }
        for (int kind = 0; kind < WANTED.length; kind++) {
            WANTED[kind] = true;
        }
        anyWanted = true; // publishes WANTED to the maker
        allWanted = true;
        if (maker == null) {
            startMaker();
        }
        wakeMaker();
    }

    private static Object take(int kind) {
        for (int place = 0; place < KIND_OF_PLACE.length; place++) {
            if (KIND_OF_PLACE[place] == kind) {
                Object ready = READY.getAndSet(place, null);
                if (ready != null) {
                    wakeMaker();
                    return ready;
                }
            }
        }
        if (!WANTED[kind]) {
            WANTED[kind] = true;
            anyWanted = true; // publishes WANTED to the maker
        }
        if (makerWanted && maker == null) {
            startMaker();
        }
        wakeMaker();
        return make(kind);
    }

    private static Object make(int kind) {
        switch (kind) {
            case KIND_INTS:
                return new int[INTS];
            case KIND_OBJECTS:
                return new Object[OBJECTS];
            default:
                return new byte[BYTES];
        }
    }

    private static void wakeMaker() {
        Thread m = maker;
        if (m != null) {
            LockSupport.unpark(m);
        }
    }

    /**
     * From now on a thread of its own keeps the stock, started by the first array asked for, so that a server
     * that never grows a big structure never starts it.
     */
    public static void useMaker() {
        makerWanted = true;
    }

    private static synchronized void startMaker() {
        if (maker != null) {
            return;
        }
        // An anonymous class, not a lambda or method reference: the first big array may come early in a
        // server's life, and a lambda's first use costs its bootstrap.
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                keepStocked();
            }
        }, "nioredis-pages");
        thread.setDaemon(true);
        maker = thread;
        thread.start();
    }

    private static void keepStocked() {
        while (true) {
            boolean made = false;
            if (anyWanted) {
                for (int place = 0; place < KIND_OF_PLACE.length; place++) {
                    int kind = KIND_OF_PLACE[place];
                    if (WANTED[kind] && READY.get(place) == null) {
                        int before = generation;
                        Object array;
                        try {
                            array = make(kind);
                        } catch (OutOfMemoryError e) {
                            // The heap is full: the stock stays short, and a caller makes its own array (or
                            // meets the error itself, where the server handles it) until a take wakes us.
                            made = false;
                            break;
                        }
                        synchronized (PageStock.class) {
                            if (generation == before) { // not made for a stock reset meanwhile
                                READY.set(place, array);
                            }
                        }
                        made = true;
                    }
                }
            }
            if (!made) {
                LockSupport.park(); // until a take leaves a place empty (a wake-up before this returns at once)
            }
        }
    }

    /** Forgets which kinds were asked for and empties the stock (tests; the maker, once started, stays). */
    static synchronized void reset() {
        generation++;
        allWanted = false;
        for (int kind = 0; kind < WANTED.length; kind++) {
            WANTED[kind] = false;
        }
        anyWanted = false;
        for (int place = 0; place < KIND_OF_PLACE.length; place++) {
            READY.set(place, null);
        }
    }

    /** Arrays ready in the stock now (tests). */
    static int ready() {
        int n = 0;
        for (int place = 0; place < KIND_OF_PLACE.length; place++) {
            if (READY.get(place) != null) {
                n++;
            }
        }
        return n;
    }
}
