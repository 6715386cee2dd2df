package io.nioredis.propagation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that writes down what it receives as a replica reads Redis's replication stream: a SELECT whenever
 * the database changes, then each command as its words joined by spaces; so tests compare with the stream
 * recorded from a real Redis. {@link #units} counts the calls, to tell units apart.
 */
public final class RecordingSink implements PropagationSink {
    public final List<String> stream = new ArrayList<>();
    public int units;
    private int db = -1;

    @Override
    public void propagate(int db, List<byte[][]> commands) {
        units++;
        if (db != this.db) {
            stream.add("SELECT " + db);
            this.db = db;
        }
        for (byte[][] argv : commands) {
            StringBuilder line = new StringBuilder();
            for (byte[] arg : argv) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(new String(arg, StandardCharsets.ISO_8859_1));
            }
            stream.add(line.toString());
        }
    }

    /** What arrived since the last call, and forgets it. */
    public List<String> take() {
        List<String> taken = new ArrayList<>(stream);
        stream.clear();
        return taken;
    }
}
