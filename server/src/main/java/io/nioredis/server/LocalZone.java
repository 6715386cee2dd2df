package io.nioredis.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TimeZone;

/**
 * The zone of the log's timestamps: the JVM's default, except that a machine on UTC (most servers and
 * containers) is recognised without it. The JVM's first {@code TimeZone.getDefault()} reads and parses its
 * whole zone database, about 8 ms of the server's start-up; UTC needs no rules.
 */
final class LocalZone {
    private static final Set<String> UTC = Set.of("UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal",
            "Zulu", "Etc/Zulu", "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "Greenwich", "Etc/Greenwich");

    private LocalZone() {}

    /** The zone to stamp log lines in, or null for UTC. */
    static TimeZone forLog() {
        return isUtc(System.getProperty("user.timezone"), System.getenv("TZ"), Path.of("/etc/timezone"),
                Path.of("/etc/localtime")) ? null : TimeZone.getDefault();
    }

    /**
     * Whether every source the JVM or the C library would take the zone from says UTC: the user.timezone
     * property, else the TZ variable, else both /etc/timezone (which the JVM reads first on Debian) and
     * /etc/localtime (the C library's; missing means UTC to both). A copied zone file is not read: then the
     * JVM decides.
     */
    static boolean isUtc(String property, String tz, Path timezoneFile, Path localtime) {
        if (property != null && !property.isEmpty()) {
            return UTC.contains(property);
        }
        if (tz != null) {
            return UTC.contains(tz.startsWith(":") ? tz.substring(1) : tz);
        }
        try {
            if (Files.exists(timezoneFile) && !UTC.contains(Files.readString(timezoneFile).trim())) {
                return false;
            }
            if (!Files.exists(localtime, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
            if (!Files.isSymbolicLink(localtime)) {
                return false;
            }
            String target = Files.readSymbolicLink(localtime).toString();
            int zoneinfo = target.indexOf("zoneinfo/");
            return zoneinfo >= 0 && UTC.contains(target.substring(zoneinfo + "zoneinfo/".length()));
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
