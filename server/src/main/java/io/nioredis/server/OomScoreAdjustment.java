package io.nioredis.server;

import io.nioredis.config.Config;
import io.nioredis.config.OomScoreAdjValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * oom-score-adj and oom-score-adj-values, as Redis's setOOMScoreAdj: while the mode is not "no" the process's
 * {@code oom_score_adj} is the value for its role (master or replica), added to the score it started with
 * ("yes", "relative") or as it is ("absolute"), clamped to -1000..1000; turning it off puts the starting score
 * back. Lowering the score needs a privilege (CAP_SYS_RESOURCE) the process may lack: the write then fails,
 * is logged as Redis logs it, and CONFIG SET reports it.
 */
final class OomScoreAdjustment {
    static final String FAILED = "Failed to set current oom_score_adj. Check server logs.";

    private final Path file;
    private final Log log;
    /** The score before nioredis first changed it, read when it does; Redis's oom_score_adj_base. */
    private int base;
    private boolean adjusted;

    OomScoreAdjustment(Path file, Log log) {
        this.file = file;
        this.log = log;
    }

    /** Puts the configured score into effect for the role; null when done, else CONFIG SET's reason. */
    String apply(Config config, boolean replica) {
        String mode = config.get("oom-score-adj");
        int value;
        if (!mode.equals("no")) {
            if (!adjusted) {
                try {
                    base = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip());
                } catch (IOException | NumberFormatException e) {
                    log.warning("Unable to read oom_score_adj: " + reason(e));
                    return FAILED;
                }
                adjusted = true;
            }
            int[] values = OomScoreAdjValues.parse(config.get("oom-score-adj-values"));
            value = values[replica ? OomScoreAdjValues.REPLICA : OomScoreAdjValues.MASTER];
            if (!mode.equals("absolute")) {
                value += base;
            }
            value = Math.max(-1000, Math.min(1000, value));
        } else if (adjusted) {
            adjusted = false;
            value = base;
        } else {
            return null;
        }
        try {
            Files.writeString(file, value + "\n", StandardCharsets.US_ASCII);
            return null;
        } catch (IOException e) {
            log.warning("Unable to write oom_score_adj: " + reason(e));
            return FAILED;
        }
    }

    /** strerror's words for what went wrong, as far as Java tells them. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        return e.getMessage();
    }
}
