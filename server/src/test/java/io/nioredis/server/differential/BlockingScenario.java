package io.nioredis.server.differential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One seeded two-client scenario for the blocking commands: keys set up, client A sends a blocking command
 * (lists, sorted sets, streams), then client B runs commands that may or may not wake it (pushes, moves,
 * XADD, MULTI blocks of them, DEL, SET over the key, XGROUP DESTROY, RENAME, SWAPDB...). With a short
 * timeout ({@link #expires}) B waits for A's timeout first. Stream ids are explicit, so both servers hold
 * the same entries.
 */
final class BlockingScenario {
    static final String[] KEYS = {"k1", "k2", "k3"};
    private static final String GROUP = "g";

    final long seed;
    final List<String[]> setup = new ArrayList<>();
    String[] waiter;
    /** A's timeout is short and B acts only after it expired. */
    boolean expires;
    /** A speaks RESP3 (HELLO 3) for this scenario. */
    boolean resp3;
    /** A waiter still blocked at the end is ended by CLIENT UNBLOCK ... ERROR rather than as a timeout. */
    boolean unblockWithError;
    final List<String[]> actions = new ArrayList<>();

    private final Random random;
    private long nextMs = 1;

    private BlockingScenario(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    static BlockingScenario generate(long seed) {
        BlockingScenario s = new BlockingScenario(seed);
        s.build();
        return s;
    }

    private void build() {
        int kind = random.nextInt(10);
        expires = random.nextInt(10) < 3;
        resp3 = random.nextInt(4) == 0;
        unblockWithError = random.nextInt(3) == 0;
        for (String key : KEYS) {
            setUp(key, kind >= 8);
        }
        waiter = waiter(kind);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            action();
        }
    }

    /** A random starting value; for XREAD/XREADGROUP waiters mostly streams, with group "g" at their end. */
    private void setUp(String key, boolean streamWaiter) {
        int pick = random.nextInt(20);
        if (streamWaiter && pick < 12) {
            int entries = random.nextInt(3);
            for (int i = 0; i < entries; i++) {
                setup.add(xadd(key));
            }
            if (random.nextInt(5) > 0) {
                setup.add(new String[] {"XGROUP", "CREATE", key, GROUP, "$", "MKSTREAM"});
            }
        } else if (pick < 10) {
            return; // missing
        } else if (pick < 13) {
            setup.add(new String[] {"RPUSH", key, "a", "b"});
        } else if (pick < 16) {
            setup.add(new String[] {"ZADD", key, "1", "a", "2", "b"});
        } else if (pick < 19) {
            setup.add(xadd(key));
            setup.add(new String[] {"XGROUP", "CREATE", key, GROUP, "0"});
        } else {
            setup.add(new String[] {"SET", key, "s"});
        }
    }

    private String[] waiter(int kind) {
        String seconds = expires ? "0.02" : "0";
        String millis = expires ? "20" : "0";
        switch (kind) {
            case 0:
                return join("BLPOP", keys(), seconds);
            case 1:
                return join("BRPOP", keys(), seconds);
            case 2:
                return new String[] {"BLMOVE", key(), key(), side(), side(), seconds};
            case 3:
                return new String[] {"BRPOPLPUSH", key(), key(), seconds};
            case 4: {
                String[] keys = keys();
                return join(join("BLMPOP", new String[] {seconds, Integer.toString(keys.length)}, keys),
                        new String[] {side()}, count());
            }
            case 5:
                return join("BZPOPMIN", keys(), seconds);
            case 6:
                return join("BZPOPMAX", keys(), seconds);
            case 7: {
                String[] keys = keys();
                return join(join("BZMPOP", new String[] {seconds, Integer.toString(keys.length)}, keys),
                        new String[] {random.nextBoolean() ? "MIN" : "MAX"}, count());
            }
            case 8: {
                String[] keys = keys();
                String[] ids = new String[keys.length];
                for (int i = 0; i < ids.length; i++) {
                    int r = random.nextInt(4);
                    ids[i] = r < 2 ? "$" : r == 2 ? "0" : random.nextInt(4) + "-0";
                }
                return join(join(join("XREAD", count(), new String[] {"BLOCK", millis, "STREAMS"}), keys), ids);
            }
            default: {
                String[] keys = keys();
                String[] ids = new String[keys.length];
                Arrays.fill(ids, ">");
                String[] noAck = random.nextInt(4) == 0 ? new String[] {"NOACK"} : new String[0];
                return join(join(join(join(new String[] {"XREADGROUP", "GROUP", GROUP, "c" + random.nextInt(2)},
                        count(), new String[] {"BLOCK", millis}), noAck, new String[] {"STREAMS"}), keys), ids);
            }
        }
    }

    /** One command of B's, waking or not. */
    private void action() {
        String key = key();
        switch (random.nextInt(16)) {
            case 0:
            case 1:
                actions.add(new String[] {random.nextBoolean() ? "LPUSH" : "RPUSH", key, "x" + random.nextInt(9),
                        "y" + random.nextInt(9)});
                break;
            case 2:
                actions.add(new String[] {"LMOVE", key, key(), side(), side()});
                break;
            case 3:
                actions.add(new String[] {"RPOPLPUSH", key, key()});
                break;
            case 4:
            case 5:
                actions.add(new String[] {"ZADD", key, Integer.toString(random.nextInt(5)), "m" + random.nextInt(4)});
                break;
            case 6:
            case 7:
                actions.add(xadd(key));
                break;
            case 8:
                actions.add(random.nextBoolean() ? new String[] {"XGROUP", "DESTROY", key, GROUP}
                        : new String[] {"XGROUP", "CREATE", key, GROUP, "$", "MKSTREAM"});
                break;
            case 9:
                actions.add(new String[] {"DEL", key});
                break;
            case 10:
                actions.add(new String[] {"SET", key, "v"});
                break;
            case 11:
                actions.add(new String[] {"RENAME", key, key()});
                break;
            case 12: {
                // Pushes inside MULTI are served after EXEC, with the state EXEC left.
                actions.add(new String[] {"MULTI"});
                actions.add(new String[] {"RPUSH", key, "m1"});
                actions.add(random.nextBoolean() ? xadd(key()) : new String[] {"ZADD", key(), "7", "mz"});
                actions.add(random.nextBoolean() ? new String[] {"LPOP", key} : new String[] {"DEL", key()});
                actions.add(new String[] {"EXEC"});
                break;
            }
            case 13:
                actions.add(new String[] {"LPOP", key});
                break;
            case 14:
                actions.add(random.nextBoolean() ? new String[] {"SWAPDB", "0", "1"}
                        // a deadline in the past deletes the key at once; a later one changes nothing now
                        : new String[] {"PEXPIREAT", key, random.nextBoolean() ? "1" : "99999999999999"});
                break;
            default:
                actions.add(new String[] {"XADD", key, "0-1", "f", "old"}); // an id not past the top: refused
                break;
        }
    }

    private String[] xadd(String key) {
        return new String[] {"XADD", key, (nextMs++) + "-1", "f", "v" + random.nextInt(9)};
    }

    private String key() {
        return KEYS[random.nextInt(KEYS.length)];
    }

    private String[] keys() {
        int n = 1 + random.nextInt(2);
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key();
        }
        return keys;
    }

    private String side() {
        return random.nextBoolean() ? "LEFT" : "RIGHT";
    }

    private String[] count() {
        return random.nextBoolean() ? new String[0] : new String[] {"COUNT", Integer.toString(1 + random.nextInt(3))};
    }

    private static String[] join(String first, String[] middle, String... last) {
        return join(join(new String[] {first}, middle), last);
    }

    private static String[] join(String[] a, String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String[] join(String[] a, String[] b, String[] c) {
        return join(join(a, b), c);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("seed ").append(seed).append(":\n");
        for (String[] c : setup) {
            b.append("  B: ").append(String.join(" ", c)).append('\n');
        }
        b.append("  A").append(resp3 ? " (RESP3)" : "").append(": ").append(String.join(" ", waiter))
                .append(expires ? "   (B waits for it to time out)\n" : "\n");
        for (String[] c : actions) {
            b.append("  B: ").append(String.join(" ", c)).append('\n');
        }
        if (!expires) {
            b.append("  then, if A is still blocked: CLIENT UNBLOCK <A>").append(unblockWithError ? " ERROR" : "")
                    .append('\n');
        }
        return b.toString();
    }
}
