package io.nioredis.value.bitmap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The replies a real Redis 7.0.15 gave to bit commands, captured by capture_bitmap_replies.py beside the fixture
 * (redis-bitmap-replies.tsv). Each line is a command name, the string it ran on, its arguments, and the reply.
 */
final class RedisBitmapReplies {

    /** One captured command: {@code fields} are the tab separated fields after the command name. */
    record Line(String command, String[] fields) {
        byte[] bytes(int field) {
            return hex(fields[field]);
        }

        String[] args(int field) {
            return fields[field].isEmpty() ? new String[0] : fields[field].split(" ");
        }

        @Override
        public String toString() {
            return command + " " + String.join(" | ", fields);
        }
    }

    static List<Line> of(String command) {
        List<Line> lines = new ArrayList<>();
        for (Line line : all()) {
            if (line.command.equals(command)) {
                lines.add(line);
            }
        }
        return lines;
    }

    static byte[] hex(String s) {
        return s.equals("-") ? new byte[0] : HexFormat.of().parseHex(s);
    }

    static String hex(byte[] b, int length) {
        return length == 0 ? "-" : HexFormat.of().formatHex(b, 0, length);
    }

    private static List<Line> all() {
        List<Line> lines = new ArrayList<>();
        try (var in = RedisBitmapReplies.class.getResourceAsStream("redis-bitmap-replies.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String s;
            while ((s = reader.readLine()) != null) {
                String[] parts = s.split("\t", -1);
                String[] fields = new String[parts.length - 1];
                System.arraycopy(parts, 1, fields, 0, fields.length);
                lines.add(new Line(parts[0], fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private RedisBitmapReplies() {
    }
}
