package io.nioredis.diagnostics;

import java.util.Locale;
import java.util.Map;

/**
 * LATENCY DOCTOR's report, in Redis 7.0's words (createLatencyReport): per event class its spikes, average,
 * mean deviation and period, then the advice that applies to the event classes seen. Advice about forks,
 * AOF and disks never applies here, as those events do not exist without persistence.
 */
public final class LatencyDoctor {
    private LatencyDoctor() {}

    /** The settings the advice depends on. */
    public record Settings(long slowlogSlowerThanMicros, long hz, boolean hugePagesInUse) {
    }

    public static String report(LatencyMonitor monitor, Settings settings, long nowSeconds) {
        long threshold = monitor.threshold();
        if (monitor.events().isEmpty() && threshold == 0) {
            return "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may "
                    + "use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't "
                    + "in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";
        }
        StringBuilder r = new StringBuilder();
        boolean slowlogEnable = false;
        boolean slowlogTuning = false;
        boolean slowlogInspect = false;
        boolean scheduler = false;
        boolean hz = false;
        boolean largeObjects = false;
        boolean massEviction = false;
        int advices = 0;
        int eventnum = 0;
        for (Map.Entry<String, LatencyMonitor.Series> e : monitor.events().entrySet()) {
            String event = e.getKey();
            LatencyMonitor.Series ts = e.getValue();
            eventnum++;
            if (eventnum == 1) {
                r.append("Dave, I have observed latency spikes in this Redis instance. You don't mind talking about "
                        + "it, do you Dave?\n\n");
            }
            long samples = 0;
            long sum = 0;
            long oldest = 0;
            for (long[] s : ts.samples()) {
                samples++;
                sum += s[1];
                if (oldest == 0 || s[0] < oldest) {
                    oldest = s[0];
                }
            }
            long avg = samples == 0 ? 0 : sum / samples;
            long period = 0;
            long mad = 0;
            if (samples > 0) {
                period = Math.max(1, nowSeconds - oldest);
                long deviation = 0;
                for (long[] s : ts.samples()) {
                    deviation += Math.abs(avg - s[1]);
                }
                mad = deviation / samples;
            }
            r.append(eventnum).append(". ").append(event).append(": ").append(samples)
                    .append(" latency spikes (average ").append(avg).append("ms, mean deviation ").append(mad)
                    .append("ms, period ").append(String.format(Locale.ROOT, "%.2f", (double) period / samples))
                    .append(" sec). Worst all time event ").append(ts.max()).append("ms.");
            switch (event.toLowerCase(Locale.ROOT)) {
                case "command":
                    if (settings.slowlogSlowerThanMicros() < 0) {
                        slowlogEnable = true;
                        advices++;
                    } else if (settings.slowlogSlowerThanMicros() / 1000 > threshold) {
                        slowlogTuning = true;
                        advices++;
                    }
                    slowlogInspect = true;
                    largeObjects = true;
                    advices += 2;
                    break;
                case "fast-command":
                    scheduler = true;
                    advices++;
                    break;
                case "expire-cycle":
                    hz = true;
                    largeObjects = true;
                    advices += 2;
                    break;
                case "eviction-del":
                    largeObjects = true;
                    advices++;
                    break;
                case "eviction-cycle":
                    massEviction = true;
                    advices++;
                    break;
                default:
                    break;
            }
            r.append('\n');
        }
        boolean thp = settings.hugePagesInUse();
        if (thp) {
            advices++;
        }
        if (eventnum == 0 && advices == 0) {
            r.append("Dave, no latency spike was observed during the lifetime of this Redis instance, not in the "
                    + "slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think "
                    + "things over.\n");
            return r.toString();
        }
        if (eventnum > 0 && advices == 0) {
            r.append("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the "
                    + "Redis community to get some help, providing this report in your help request.\n");
            return r.toString();
        }
        r.append("\nI have a few advices for you:\n\n");
        if (slowlogEnable) {
            r.append("- There are latency issues with potentially slow commands you are using. Try to enable the Slow "
                    + "Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ")
                    .append(threshold * 1000).append("'. If the Slow log is disabled Redis is not able to log slow "
                    + "commands execution for you.\n");
        }
        if (slowlogTuning) {
            r.append("- Your current Slow Log configuration only logs events that are slower than your configured "
                    + "latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ")
                    .append(threshold * 1000).append("'.\n");
        }
        if (slowlogInspect) {
            r.append("- Check your Slow Log to understand what are the commands you are running which are too slow to "
                    + "execute. Please check https://redis.io/commands/slowlog for more information.\n");
        }
        if (scheduler) {
            r.append("- The system is slow to execute Redis code paths not containing system calls. This usually means "
                    + "the system does not provide Redis CPU time to run for long periods. You should try to:\n"
                    + "  1) Lower the system load.\n"
                    + "  2) Use a computer / VM just for Redis if you are running other software in the same system.\n"
                    + "  3) Check if you have a \"noisy neighbour\" problem.\n"
                    + "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your "
                    + "system.\n"
                    + "  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are "
                    + "using Jemalloc. However this may create fragmentation problems.\n");
        }
        if (hz && settings.hz() < 100) {
            r.append("- In order to make the Redis keys expiring process more incremental, try to set the 'hz' "
                    + "configuration parameter to 100 using 'CONFIG SET hz 100'.\n");
        }
        if (largeObjects) {
            r.append("- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking "
                    + "operation. If you have very large objects that are often deleted, expired, or evicted, try to "
                    + "fragment those objects into multiple smaller objects.\n");
        }
        if (massEviction) {
            r.append("- Sudden changes to the 'maxmemory' setting via 'CONFIG SET', or allocation of large objects via "
                    + "sets or sorted sets intersections, STORE option of SORT, Redis Cluster large keys migrations "
                    + "(RESTORE command), may create sudden memory pressure forcing the server to block trying to "
                    + "evict keys. \n");
        }
        if (thp) {
            r.append("- I detected a non zero amount of anonymous huge pages used by your process. This creates very "
                    + "serious latency events in different conditions, especially when Redis is persisting on disk. To "
                    + "disable THP support use the command 'echo never > /sys/kernel/mm/transparent_hugepage/enabled', "
                    + "make sure to also add it into /etc/rc.local so that the command will be executed again after a "
                    + "reboot. Note that even if you have already disabled THP, you still need to restart the Redis "
                    + "process to get rid of the huge pages already created.\n");
        }
        return r.toString();
    }
}
