package io.nioredis.store;

/**
 * Who deletes expired keys, one switch shared by a server's databases. A master deletes a key found past its
 * deadline at once. A replica leaves that to its master's DELs, as Redis 7.0's expireIfNeeded does: an expired
 * key reads as absent to its clients but stays in place, while the commands of the master itself still see it
 * (they must apply to what the master has), and a write command from a client of a writable replica deletes it.
 */
public final class ExpiryAuthority {
    /** Expired keys are deleted when found (a master, or a write on a writable replica). */
    public static final int DELETE = 0;
    /** Expired keys read as absent but are kept (a replica's clients). */
    public static final int HIDE = 1;
    /** Expired keys are still live (the master's own commands on a replica). */
    public static final int KEEP = 2;

    private boolean replica;
    private int mode = DELETE;

    /** A replica keeps expired keys for its master to delete; a master deletes them. */
    public void replica(boolean replica) {
        this.replica = replica;
        this.mode = replica ? HIDE : DELETE;
    }

    public boolean replica() {
        return replica;
    }

    public int mode() {
        return mode;
    }

    /**
     * For a command about to run on a replica: the master's, or a client's write or read. Returns the mode
     * to {@link #restore} when it ends (commands nest: EXEC, scripts).
     */
    public int enter(boolean fromMaster, boolean write) {
        int before = mode;
        if (replica && mode != KEEP) { // what the master's EXEC or script runs is the master's too
            mode = fromMaster ? KEEP : write ? DELETE : HIDE;
        }
        return before;
    }

    public void restore(int before) {
        mode = replica ? before : DELETE;
    }
}
