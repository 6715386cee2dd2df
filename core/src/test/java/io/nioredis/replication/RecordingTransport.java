package io.nioredis.replication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A master link without a socket: it keeps what the replica sends and where it was told to connect. */
final class RecordingTransport implements MasterTransport {
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    final List<String> connects = new ArrayList<>();
    int closes;
    private final int selectedDb;

    /** {@code selectedDb}: the database the link's client is in when the stream starts. */
    RecordingTransport(int selectedDb) {
        this.selectedDb = selectedDb;
    }

    @Override
    public String connect(String host, int port) {
        connects.add(host + ":" + port);
        return null;
    }

    @Override
    public void send(byte[] bytes) {
        sent.writeBytes(bytes);
    }

    @Override
    public int selectedDb() {
        return selectedDb;
    }

    @Override
    public void close() {
        closes++;
    }

    /** What was sent since the last take. */
    String take() {
        String s = sent.toString(StandardCharsets.ISO_8859_1);
        sent.reset();
        return s;
    }
}
