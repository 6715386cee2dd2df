package io.nioredis.aof;

import io.nioredis.persistence.Persistence;
import io.nioredis.persistence.PersistenceLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads the files a manifest names, in order, as Redis's loadAppendOnlyFiles does: the base (an RDB image
 * when it starts with "REDIS", else commands), then each incremental file's commands. Only the last file
 * may end inside a command; with {@code aof-load-truncated yes} it is cut back to its last complete command
 * (or to before an unfinished MULTI) and loading goes on with a warning.
 */
final class AofLoader {
    /** Why loading failed; the server refuses to start (the lines are already logged). */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private static final byte[] RDB_MAGIC = "REDIS".getBytes(StandardCharsets.US_ASCII);

    private final Path dir;
    private final Persistence persistence;
    private final AofReplay replay;
    private final PersistenceLog log;
    private final boolean loadTruncated;
    long totalSize;
    long baseSize;

    /** appendfilename: a file of that name is an old-style AOF, an RDB preamble followed by commands. */
    private String oldStyleName = "";

    AofLoader(Path dir, Persistence persistence, AofReplay replay, PersistenceLog log, boolean loadTruncated) {
        this.dir = dir;
        this.persistence = persistence;
        this.replay = replay;
        this.log = log;
        this.loadTruncated = loadTruncated;
    }

    AofLoader oldStyleName(String appendFileName) {
        this.oldStyleName = appendFileName;
        return this;
    }

    /** False when the manifest names no file at all (nothing to load). */
    boolean load(AofManifest manifest) throws Failure {
        List<AofManifest.Entry> files = new ArrayList<>();
        if (manifest.base() != null) {
            files.add(manifest.base());
        }
        files.addAll(manifest.incrs());
        if (files.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            AofManifest.Entry e = files.get(i);
            boolean last = i == files.size() - 1;
            long fileStart = System.nanoTime();
            long size = loadOne(e, last);
            totalSize += size;
            if (e.type() == AofManifest.Type.BASE) {
                baseSize = size;
            }
            log.notice(String.format(Locale.ROOT, "DB loaded from %s file %s: %.3f seconds",
                    e.type() == AofManifest.Type.BASE ? "base" : "incr", e.fileName(),
                    (System.nanoTime() - fileStart) / 1e9));
        }
        log.notice(String.format(Locale.ROOT, "DB loaded from append only file: %.3f seconds",
                (System.nanoTime() - start) / 1e9));
        return true;
    }

    /** Loads one file; returns its size after any truncation. */
    private long loadOne(AofManifest.Entry entry, boolean last) throws Failure {
        String name = entry.fileName();
        Path path = dir.resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw fail("The AOF file " + name + " doesn't exist");
        } catch (IOException e) {
            throw fail("Fatal error: can't open the append log file " + name + " for reading: " + AofFiles.reason(e));
        }
        if (bytes.length == 0) {
            return 0; // Redis's AOF_EMPTY: nothing to load, not an error
        }
        int start = 0;
        replay.reset(); // each file starts with a fresh client in database 0, as Redis's
        if (startsWithRdbMagic(bytes)) {
            // An old-style AOF (moved in as the base by the upgrade) has commands after its RDB preamble.
            boolean oldStyle = name.equals(oldStyleName);
            log.notice(oldStyle ? "Reading RDB preamble from AOF file..." : "Reading RDB base file on AOF loading...");
            try {
                start = persistence.loadImage(bytes);
            } catch (Persistence.LoadFailure e) {
                throw fail(oldStyle ? "Error reading the RDB preamble of the AOF file " + name + ", AOF loading aborted"
                        : "Error reading the RDB base file " + name + ", AOF loading aborted");
            }
            if (oldStyle) {
                log.notice("Reading the remaining AOF tail...");
            }
            if (start == bytes.length) {
                return bytes.length;
            }
        }
        AofCommandReader reader = new AofCommandReader(bytes, start, bytes.length);
        int validUpTo = start;
        int validBeforeMulti = start;
        while (true) {
            AofCommandReader.Status status = reader.next();
            if (status == AofCommandReader.Status.END) {
                if (replay.inTransaction()) {
                    log.warning("Revert incomplete MULTI/EXEC transaction in AOF file " + name);
                    replay.reset();
                    return truncated(path, name, validBeforeMulti, last);
                }
                return bytes.length;
            }
            if (status == AofCommandReader.Status.BAD_FORMAT) {
                replay.reset();
                throw fail("Bad file format reading the append only file " + name
                        + ": make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>");
            }
            if (status == AofCommandReader.Status.TRUNCATED) {
                boolean inMulti = replay.inTransaction();
                replay.reset();
                return truncated(path, name, inMulti ? validBeforeMulti : validUpTo, last);
            }
            byte[][] argv = reader.argv();
            if (!replay.knows(argv[0])) {
                replay.reset();
                throw fail("Unknown command '" + new String(argv[0], StandardCharsets.UTF_8)
                        + "' reading the append only file " + name);
            }
            if (isMulti(argv[0])) {
                validBeforeMulti = validUpTo;
            }
            replay.run(argv);
            validUpTo = reader.position();
        }
    }

    private long truncated(Path path, String name, int validUpTo, boolean last) throws Failure {
        if (loadTruncated) {
            log.warning("!!! Warning: short read while loading the AOF file " + name + "!!!");
            log.warning("!!! Truncating the AOF " + name + " at offset " + validUpTo + " !!!");
            try (FileChannel f = FileChannel.open(path, StandardOpenOption.WRITE)) {
                f.truncate(validUpTo);
                f.force(true);
            } catch (IOException e) {
                log.warning("Error truncating the AOF file " + name + ": " + AofFiles.reason(e));
                throw unexpectedEnd(name);
            }
            log.warning("AOF " + name + " loaded anyway because aof-load-truncated is enabled");
            if (!last) {
                throw fail("Fatal error: the truncated file is not the last file");
            }
            return validUpTo;
        }
        throw unexpectedEnd(name);
    }

    private Failure unexpectedEnd(String name) {
        return fail("Unexpected end of file reading the append only file " + name + ". You can: 1) Make a backup"
                + " of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can"
                + " set the 'aof-load-truncated' configuration option to yes and restart the server.");
    }

    private Failure fail(String message) {
        log.warning(message);
        return new Failure(message);
    }

    private static boolean startsWithRdbMagic(byte[] bytes) {
        if (bytes.length < RDB_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < RDB_MAGIC.length; i++) {
            if (bytes[i] != RDB_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMulti(byte[] name) {
        return name.length == 5 && (name[0] | 0x20) == 'm' && (name[1] | 0x20) == 'u' && (name[2] | 0x20) == 'l'
                && (name[3] | 0x20) == 't' && (name[4] | 0x20) == 'i';
    }
}
