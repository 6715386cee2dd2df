package io.nioredis.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline for the parser: decodes requests the way a straightforward Java server would, with a
 * String per header line parsed by {@code Integer.parseInt}, a {@code byte[]} copied out per argument and
 * inline requests split with {@code String.split}. It handles only complete, well-formed input.
 */
final class PlainRespDecoder {
    private final byte[] b;
    private int pos;

    PlainRespDecoder(byte[] b) {
        this.b = b;
    }

    /** The next request's arguments, or null at the end of the bytes. */
    List<byte[]> next() {
        if (pos >= b.length) {
            return null;
        }
        if (b[pos] != '*') {
            String line = readLine();
            List<byte[]> args = new ArrayList<>();
            for (String part : line.trim().split(" +")) {
                args.add(part.getBytes(StandardCharsets.UTF_8));
            }
            return args;
        }
        int count = Integer.parseInt(readLine().substring(1));
        List<byte[]> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int len = Integer.parseInt(readLine().substring(1));
            args.add(Arrays.copyOfRange(b, pos, pos + len));
            pos += len + 2;
        }
        return args;
    }

    private String readLine() {
        int start = pos;
        while (b[pos] != '\r') {
            pos++;
        }
        String line = new String(b, start, pos - start, StandardCharsets.US_ASCII);
        pos += 2;
        return line;
    }
}
