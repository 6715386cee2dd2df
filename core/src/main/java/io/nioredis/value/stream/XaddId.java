package io.nioredis.value.stream;

/**
 * The ID argument of XADD: "*" (ms and seq generated), "ms-*" (seq generated) or an explicit id.
 * {@code ms} and {@code seq} are meaningful only for the parts that were given.
 */
public record XaddId(Kind kind, long ms, long seq) {

    public enum Kind { AUTO, AUTO_SEQUENCE, EXPLICIT }

    public static final XaddId AUTO = new XaddId(Kind.AUTO, 0, 0);

    public static XaddId explicit(long ms, long seq) {
        return new XaddId(Kind.EXPLICIT, ms, seq);
    }

    public static XaddId autoSequence(long ms) {
        return new XaddId(Kind.AUTO_SEQUENCE, ms, 0);
    }

    /** Redis refuses an explicit 0-0 before it even looks the key up, so no empty stream is left. */
    public boolean isExplicitZero() {
        return kind == Kind.EXPLICIT && ms == 0 && seq == 0;
    }
}
