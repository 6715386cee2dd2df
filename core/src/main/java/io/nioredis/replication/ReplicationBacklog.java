package io.nioredis.replication;

/**
 * Redis's replication backlog: the last {@code size} bytes of the replication stream, kept in a ring so that
 * a replica that reconnects can be sent only what it missed. Offsets are the stream's, as Redis counts them:
 * the first byte ever fed has offset 1, so the backlog holds bytes {@code firstByteOffset} to
 * {@code firstByteOffset + histlen - 1}.
 */
public final class ReplicationBacklog {
    private byte[] ring;
    /** Where the next byte goes. */
    private int head;
    private long histlen;
    /** The stream offset of the last byte written (master_repl_offset). */
    private long endOffset;

    public ReplicationBacklog(int size, long endOffset) {
        this.ring = new byte[Math.max(1, size)];
        this.endOffset = endOffset;
    }

    public int size() {
        return ring.length;
    }

    public long histlen() {
        return histlen;
    }

    /** Offset of the oldest byte held; {@code endOffset + 1} while nothing is held, as Redis reports it. */
    public long firstByteOffset() {
        return endOffset - histlen + 1;
    }

    public void append(byte[] b, int off, int len) {
        endOffset += len;
        int cap = ring.length;
        if (len >= cap) {
            System.arraycopy(b, off + len - cap, ring, 0, cap);
            head = 0;
            histlen = cap;
            return;
        }
        int first = Math.min(len, cap - head);
        System.arraycopy(b, off, ring, head, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        head = (head + len) % cap;
        histlen = Math.min(cap, histlen + len);
    }

    /** True if the stream from {@code offset} (the first byte a replica wants) on is all held. */
    public boolean holdsFrom(long offset) {
        return histlen > 0 && offset >= firstByteOffset() && offset <= endOffset + 1;
    }

    /** The held bytes from {@code offset} to the end; see {@link #holdsFrom}. */
    public byte[] copyFrom(long offset) {
        int n = (int) (endOffset + 1 - offset);
        byte[] out = new byte[n];
        int cap = ring.length;
        int start = (int) (((head - n) % cap + cap) % cap);
        int first = Math.min(n, cap - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        return out;
    }

    /** CONFIG SET repl-backlog-size: a new ring keeping as much of the newest history as fits. */
    public void resize(int size) {
        int keep = (int) Math.min(histlen, size);
        byte[] held = copyFrom(endOffset + 1 - keep);
        ring = new byte[Math.max(1, size)];
        head = 0;
        histlen = 0;
        long end = endOffset;
        endOffset -= keep;
        append(held, 0, keep);
        endOffset = end;
    }
}
