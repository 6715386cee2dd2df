package io.nioredis.value.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the stream tests: adding with text arguments, reading entries back as text. */
final class StreamTestSupport {
    private StreamTestSupport() {}

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static StreamId add(Stream s, String id, String... fieldsAndValues) {
        return add(s, id, 0, NodeLimits.DEFAULT, fieldsAndValues);
    }

    static StreamId add(Stream s, String id, long now, NodeLimits limits, String... fieldsAndValues) {
        byte[][] pairs = new byte[fieldsAndValues.length][];
        for (int i = 0; i < pairs.length; i++) pairs[i] = b(fieldsAndValues[i]);
        byte[] idBytes = b(id);
        XaddId xid = StreamIdParser.parseXaddId(idBytes, 0, idBytes.length);
        return s.add(xid, pairs, 0, pairs.length / 2, now, limits);
    }

    /** Entries of a walk as "id f v f v" strings. */
    static List<String> walk(Stream s, StreamId start, StreamId end, boolean reverse, int count) {
        List<String> out = new ArrayList<>();
        StreamCursor c = s.range(new StreamCursor(), start, end, reverse);
        while ((count == 0 || out.size() < count) && c.next()) out.add(describe(c));
        return out;
    }

    static String describe(StreamCursor c) {
        StringBuilder sb = new StringBuilder(c.id().toString());
        for (byte[] x : c.copyPairs()) sb.append(' ').append(new String(x, StandardCharsets.UTF_8));
        return sb.toString();
    }

    static List<String> ids(IdList list) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(list.get(i).toString());
        return out;
    }
}
