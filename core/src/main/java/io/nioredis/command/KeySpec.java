package io.nioredis.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Where a command finds its keys, as Redis 7.0's key specs: begin the search at an argument index or just
 * after a keyword (searched from an index, backwards when the index is negative), then take a range of keys
 * (the last key relative to the first, negative counting from the end; a step; a limit that keeps only a
 * 1/limit share of the arguments left) or read the key count from an argument (keynum). {@code flags} are
 * Redis's key-spec flags (RW, RO, OW, RM, access, update, insert, delete, not_key...), which COMMAND INFO
 * and GETKEYSANDFLAGS print.
 */
public final class KeySpec {
    private final int beginIndex;
    private final boolean keynum;
    private final int lastKey;
    private final int keynumIndex;
    private final int firstKey;
    private final int step;
    private final List<String> flags;
    /** Redis's explanation of unusual flags or of an unknown search, which COMMAND INFO shows first; or null. */
    private final String notes;
    /** The keys cannot be found from positions (SORT's BY, GET and STORE). */
    private final boolean unknown;
    /** The keyword the search begins after (begin_search "keyword", from {@link #beginIndex}), or null. */
    private final String keyword;
    /** The keyword in lower case, as the bytes requests are matched against; or null. */
    private final byte[] keywordBytes;
    /** The range's limit: 0 for all the keys, N for the first 1/N of the arguments after the first key. */
    private final int limit;
    /** For variable_flags: the flags this call's arguments give the key; or null. */
    private final VariableKeyFlags variableFlags;

    private KeySpec(int beginIndex, boolean keynum, int lastKey, int keynumIndex, int firstKey, int step,
                    List<String> flags) {
        this(beginIndex, keynum, lastKey, keynumIndex, firstKey, step, flags, null, false, null, 0, null);
    }

    private KeySpec(int beginIndex, boolean keynum, int lastKey, int keynumIndex, int firstKey, int step,
                    List<String> flags, String notes, boolean unknown, String keyword, int limit,
                    VariableKeyFlags variableFlags) {
        this.unknown = unknown;
        this.variableFlags = variableFlags;
        this.keyword = keyword;
        this.keywordBytes = keyword == null ? null
                : keyword.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        this.limit = limit;
        this.beginIndex = beginIndex;
        this.keynum = keynum;
        this.lastKey = lastKey;
        this.keynumIndex = keynumIndex;
        this.firstKey = firstKey;
        this.step = step;
        this.flags = flags;
        this.notes = notes;
    }

    /** This key spec with Redis's notes on it (e.g. why SET's key is RW and ACCESS). */
    public KeySpec notes(String text) {
        return new KeySpec(beginIndex, keynum, lastKey, keynumIndex, firstKey, step, flags, text, unknown, keyword,
                limit, variableFlags);
    }

    /** This key spec (flagged variable_flags) with what decides the key's flags on each call. */
    public KeySpec flagsBy(VariableKeyFlags resolver) {
        return new KeySpec(beginIndex, keynum, lastKey, keynumIndex, firstKey, step, flags, notes, unknown, keyword,
                limit, resolver);
    }

    /** The key's flags for this call: the declared ones, unless they vary with the arguments. */
    public List<String> flagsFor(io.nioredis.resp.Request request, int base) {
        return variableFlags == null ? flags : variableFlags.flags(request, base);
    }

    public String notes() {
        return notes;
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
     * Keys from the argument after {@code keyword} (matched case-insensitively, searched from argument
     * {@code startFrom} towards the end, or from {@code argc + startFrom} towards the start when negative)
     * through {@code lastKey} after it (-1: the last argument), every {@code step}; with a {@code limit} of N
     * and lastKey -1, only the first 1/N of the arguments left (XREAD's keys, then as many IDs).
     */
    public static KeySpec keyword(String keyword, int startFrom, int lastKey, int step, int limit, String... flags) {
        return new KeySpec(startFrom, false, lastKey, 0, 0, step, List.of(flags), null, false, keyword, limit, null);
    }

    /**
     * Keys no position rule finds, as Redis's "unknown" begin_search and find_keys (SORT's BY and GET
     * patterns, its STORE anywhere in the arguments); {@code notes} says why, as COMMAND INFO prints it.
     */
    public static KeySpec unknown(String notes, String... flags) {
        return new KeySpec(0, false, 0, 0, 0, 0, List.of(flags), notes, true, null, 0, null);
    }

    public boolean isUnknown() {
        return unknown;
    }

    /** True if the search begins after a keyword rather than at an index. */
    public boolean isKeyword() {
        return keyword != null;
    }

    /** The keyword, for a {@link #isKeyword keyword} search; else null. */
    public String keyword() {
        return keyword;
    }

    /** {@link #keyword} in lower case, as bytes. */
    byte[] keywordBytes() {
        return keywordBytes;
    }

    /** The range's limit (0: no limit). */
    public int limit() {
        return limit;
    }

    /** True if the spec marks arguments that are not keys (sharded channels): GETKEYS skips it. */
    public boolean isNotKey() {
        return flags.contains("not_key");
    }

    /** The begin-search index, or for a keyword search the argument it starts from. */
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
