package io.nioredis.store;

/**
 * Whether key lookups update the keys' access data (the LRU clock or LFU counter): one switch shared by the
 * databases of a server. The dispatcher turns it off while a client in CLIENT NO-TOUCH mode runs a command
 * other than TOUCH, as Redis's lookupKey adds LOOKUP_NOTOUCH for such a client.
 */
public final class TouchControl {
    private boolean suspended;

    public boolean suspended() {
        return suspended;
    }

    public void suspend(boolean suspended) {
        this.suspended = suspended;
    }
}
