package io.nioredis.client;

/** Per-connection switches set by CLIENT: reply mode, NO-EVICT, NO-TOUCH and the library it reports. */
public final class ClientSettings {
    public static final int REPLY_ON = 0;
    public static final int REPLY_OFF = 1;
    /** CLIENT REPLY SKIP was just run: the next command's reply is dropped. */
    public static final int REPLY_SKIP_NEXT = 2;
    /** The command being run is the one whose reply is dropped. */
    public static final int REPLY_SKIPPING = 3;

    public int replyMode = REPLY_ON;
    public boolean noEvict;
    public boolean noTouch;
    public String libName = "";
    public String libVersion = "";

    public void reset() {
        replyMode = REPLY_ON;
        noEvict = false;
        noTouch = false;
    }
}
