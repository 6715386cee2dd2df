package io.nioredis.replication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A replica's connection without a socket: it takes everything at once and keeps what it was sent. */
final class RecordingReplicaChannel implements ReplicaChannel {
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    boolean closed;

    @Override
    public void send(byte[] b, int off, int len) {
        sent.write(b, off, len);
    }

    @Override
    public String ip() {
        return "127.0.0.1";
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public long unsent() {
        return 0;
    }

    /** Everything sent so far. */
    String text() {
        return sent.toString(StandardCharsets.ISO_8859_1);
    }
}
