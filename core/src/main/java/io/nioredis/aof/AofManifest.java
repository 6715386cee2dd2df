package io.nioredis.aof;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis 7.0's AOF manifest: which files make up the append-only file, in load order. One base file (an RDB
 * image, or commands), then the incremental files that follow it, plus history files a rewrite has
 * replaced and that are waiting to be deleted. Written one line per file, as
 * {@code file appendonly.aof.1.base.rdb seq 1 type b}.
 */
public final class AofManifest {
    /** The kinds of file, by the letter the manifest gives them. */
    public enum Type {
        BASE('b'), HISTORY('h'), INCR('i');

        final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        static Type of(String letter) {
            for (Type t : values()) {
                if (letter.length() == 1 && letter.charAt(0) == t.letter) {
                    return t;
                }
            }
            return null;
        }
    }

    /** One line of the manifest. */
    public record Entry(String fileName, long seq, Type type) {}

    /** A manifest Redis would refuse to load; the message is Redis's log line. */
    public static final class InvalidManifest extends Exception {
        InvalidManifest(String message) {
            super(message);
        }
    }

    public static final String BASE_SUFFIX = ".base";
    public static final String INCR_SUFFIX = ".incr";
    public static final String RDB_FORMAT_SUFFIX = ".rdb";
    public static final String AOF_FORMAT_SUFFIX = ".aof";
    public static final String MANIFEST_SUFFIX = ".manifest";

    private Entry base;
    private final List<Entry> incrs = new ArrayList<>();
    private final List<Entry> history = new ArrayList<>();
    private long currentBaseSeq;
    private long currentIncrSeq;

    public Entry base() {
        return base;
    }

    /** The incremental files in load order; the last is the one being appended to. */
    public List<Entry> incrs() {
        return incrs;
    }

    public List<Entry> history() {
        return history;
    }

    public boolean isEmpty() {
        return base == null && incrs.isEmpty();
    }

    /** A new base file name (the sequence moves on); the old base, if any, becomes history. */
    public Entry newBase(String appendFileName, boolean rdbFormat) {
        if (base != null) {
            history.add(new Entry(base.fileName(), base.seq(), Type.HISTORY));
        }
        currentBaseSeq++;
        base = new Entry(appendFileName + "." + currentBaseSeq + BASE_SUFFIX
                + (rdbFormat ? RDB_FORMAT_SUFFIX : AOF_FORMAT_SUFFIX), currentBaseSeq, Type.BASE);
        return base;
    }

    /**
     * An old-style single AOF moved into the AOF directory as it is, under its own name, becomes the base
     * (Redis's aofUpgradePrepare: sequence 1, whatever base the manifest had before is forgotten).
     */
    public Entry upgradedBase(String appendFileName) {
        currentBaseSeq = 1;
        base = new Entry(appendFileName, 1, Type.BASE);
        return base;
    }

    /** A new incremental file appended after the existing ones. */
    public Entry newIncr(String appendFileName) {
        currentIncrSeq++;
        Entry e = new Entry(appendFileName + "." + currentIncrSeq + INCR_SUFFIX + AOF_FORMAT_SUFFIX, currentIncrSeq,
                Type.INCR);
        incrs.add(e);
        return e;
    }

    /**
     * After a rewrite whose base holds everything up to {@code firstKept}: the incremental files before it
     * become history (Redis's markRewrittenIncrAofAsHistory).
     */
    public void retireIncrsBefore(Entry firstKept) {
        while (!incrs.isEmpty() && !incrs.get(0).equals(firstKept)) {
            Entry old = incrs.remove(0);
            history.add(new Entry(old.fileName(), old.seq(), Type.HISTORY));
        }
    }

    public void clearHistory() {
        history.clear();
    }

    public AofManifest copy() {
        AofManifest m = new AofManifest();
        m.base = base;
        m.incrs.addAll(incrs);
        m.history.addAll(history);
        m.currentBaseSeq = currentBaseSeq;
        m.currentIncrSeq = currentIncrSeq;
        return m;
    }

    /** The file's text: base first, then history, then the incremental files, as Redis writes it. */
    public String format() {
        StringBuilder b = new StringBuilder();
        if (base != null) {
            line(b, base);
        }
        for (Entry e : history) {
            line(b, e);
        }
        for (Entry e : incrs) {
            line(b, e);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, Entry e) {
        b.append("file ").append(e.fileName()).append(" seq ").append(e.seq()).append(" type ")
                .append(e.type().letter).append('\n');
    }

    /** Reads a manifest as Redis's aofLoadManifestFromFile does, with its errors. */
    public static AofManifest parse(String text) throws InvalidManifest {
        AofManifest m = new AofManifest();
        long maxIncrSeq = 0;
        String[] lines = text.split("\n", -1);
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                throw new InvalidManifest("Invalid AOF manifest file format");
            }
            String[] words = trimmed.split("\\s+");
            if (words.length < 6 || words.length % 2 != 0) {
                throw new InvalidManifest("Invalid AOF manifest file format");
            }
            String name = null;
            String seq = null;
            String type = null;
            for (int w = 0; w < words.length; w += 2) {
                switch (words[w]) {
                    case "file" -> name = words[w + 1];
                    case "seq" -> seq = words[w + 1];
                    case "type" -> type = words[w + 1];
                    default -> { } // unknown keys are ignored, for forward compatibility as in Redis
                }
            }
            Type t = type == null ? null : Type.of(type);
            long s;
            try {
                s = seq == null ? -1 : Long.parseLong(seq);
            } catch (NumberFormatException e) {
                s = -1;
            }
            if (name == null || t == null || s < 0 || name.contains("/")) {
                throw new InvalidManifest("Invalid AOF manifest file format");
            }
            any = true;
            Entry e = new Entry(name, s, t);
            switch (t) {
                case BASE -> {
                    if (m.base != null) {
                        throw new InvalidManifest("Found duplicate base file information");
                    }
                    m.base = e;
                    m.currentBaseSeq = s;
                }
                case HISTORY -> m.history.add(e);
                case INCR -> {
                    if (s <= maxIncrSeq) {
                        throw new InvalidManifest("Found a non-monotonic sequence number");
                    }
                    maxIncrSeq = s;
                    m.incrs.add(e);
                    m.currentIncrSeq = s;
                }
            }
        }
        if (!any) {
            throw new InvalidManifest("Found an empty AOF manifest");
        }
        return m;
    }
}
