package io.nioredis.command;

/** Per-connection switches set by CLIENT: reply mode, NO-EVICT, NO-TOUCH and the library it reports. */
public final class ClientSettings {
    static final int REPLY_ON = 0;
    static final int REPLY_OFF = 1;
    /** CLIENT REPLY SKIP was just run: the next command's reply is dropped. */
    static final int REPLY_SKIP_NEXT = 2;
    /** The command being run is the one whose reply is dropped. */
    static final int REPLY_SKIPPING = 3;

    int replyMode = REPLY_ON;
    boolean noEvict;
    boolean noTouch;
    String libName = "";
    String libVersion = "";

    void reset() {
        replyMode = REPLY_ON;
        noEvict = false;
        noTouch = false;
    }
}
