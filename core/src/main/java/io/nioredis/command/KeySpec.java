package io.nioredis.command;

import java.util.List;

/**
 * Where a command finds its keys, as Redis 7.0's key specs: begin the search at an argument index, then
 * take a range of keys (the last key relative to the first, negative counting from the end; a step) or read
 * the key count from an argument (keynum). {@code flags} are Redis's key-spec flags (RW, RO, OW, RM, access,
 * update, insert, delete...), which COMMAND INFO and GETKEYSANDFLAGS print.
 */
public final class KeySpec {
    private final int beginIndex;
    private final boolean keynum;
    private final int lastKey;
    private final int keynumIndex;
    private final int firstKey;
    private final int step;
    private final List<String> flags;
    /** Null unless the keys cannot be found from positions (SORT's BY, GET and STORE). */
    private final String unknownNotes;

    private KeySpec(int beginIndex, boolean keynum, int lastKey, int keynumIndex, int firstKey, int step,
                    List<String> flags) {
        this(beginIndex, keynum, lastKey, keynumIndex, firstKey, step, flags, null);
    }

    private KeySpec(int beginIndex, boolean keynum, int lastKey, int keynumIndex, int firstKey, int step,
                    List<String> flags, String unknownNotes) {
        this.unknownNotes = unknownNotes;
        this.beginIndex = beginIndex;
        this.keynum = keynum;
        this.lastKey = lastKey;
        this.keynumIndex = keynumIndex;
        this.firstKey = firstKey;
        this.step = step;
        this.flags = flags;
    }

    /** Keys from argument {@code begin} through {@code lastKey} after it (-1: the last argument), every {@code step}. */
    public static KeySpec range(int begin, int lastKey, int step, String... flags) {
        return new KeySpec(begin, false, lastKey, 0, 0, step, List.of(flags));
    }

    /**
     * The key count is argument {@code begin + keynumIndex}; the keys start at {@code begin + firstKey}, every
     * {@code step} (ZUNIONSTORE's {@code numkeys key [key ...]}).
     */
    public static KeySpec keynum(int begin, int keynumIndex, int firstKey, int step, String... flags) {
        return new KeySpec(begin, true, 0, keynumIndex, firstKey, step, List.of(flags));
    }

    /**
     * Keys no position rule finds, as Redis's "unknown" begin_search and find_keys (SORT's BY and GET
     * patterns, its STORE anywhere in the arguments); {@code notes} says why, as COMMAND INFO prints it.
     */
    public static KeySpec unknown(String notes, String... flags) {
        return new KeySpec(0, false, 0, 0, 0, 0, List.of(flags), notes);
    }

    public boolean isUnknown() {
        return unknownNotes != null;
    }

    public String notes() {
        return unknownNotes;
    }

    public int beginIndex() {
        return beginIndex;
    }

    public boolean isKeynum() {
        return keynum;
    }

    public int lastKey() {
        return lastKey;
    }

    public int keynumIndex() {
        return keynumIndex;
    }

    public int firstKey() {
        return firstKey;
    }

    public int step() {
        return step;
    }

    public List<String> flags() {
        return flags;
    }
}
