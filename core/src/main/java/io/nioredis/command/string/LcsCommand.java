package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;

import java.nio.charset.StandardCharsets;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN], as Redis 7.0's lcsCommand: the classic
 * dynamic-programming table of LCS lengths, then a walk back from its far corner that collects the common
 * subsequence and, for IDX, the matching ranges as they are met, so from the end of the strings to the
 * start. Missing keys count as empty strings.
 */
final class LcsCommand implements Command {
    private static final byte[] IDX = token("idx");
    private static final byte[] LEN = token("len");
    private static final byte[] WITHMATCHLEN = token("withmatchlen");
    private static final byte[] MINMATCHLEN = token("minmatchlen");
    private static final byte[] MATCHES = token("matches");

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int slotA = keyspace.lookupRead(b, request.offset(1), request.length(1));
        Object entryA = slotA < 0 ? null : keyspace.entry(slotA);
        int slotB = keyspace.lookupRead(b, request.offset(2), request.length(2));
        Object entryB = slotB < 0 ? null : keyspace.entry(slotB);
        if ((entryA != null && !(entryA instanceof byte[])) || (entryB != null && !(entryB instanceof byte[]))) {
            out.raw(Errors.LCS_NOT_STRINGS);
            return;
        }
        byte[] a = value(keyspace, slotA);
        byte[] c = value(keyspace, slotB);
        boolean getIdx = false;
        boolean getLen = false;
        boolean withMatchLen = false;
        long minMatchLen = 0;
        for (int j = 3; j < request.argc(); j++) {
            boolean more = j + 1 < request.argc();
            if (request.is(j, IDX)) {
                getIdx = true;
            } else if (request.is(j, LEN)) {
                getLen = true;
            } else if (request.is(j, WITHMATCHLEN)) {
                withMatchLen = true;
            } else if (request.is(j, MINMATCHLEN) && more) {
                if (!request.isLong(j + 1)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                minMatchLen = Math.max(0, request.longValue(++j));
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (getIdx && getLen) {
            out.raw(Errors.LCS_LEN_AND_IDX);
            return;
        }
        int alen = a.length;
        int blen = c.length;
        long cells = (long) (alen + 1) * (blen + 1);
        if (cells * 4 > client.server().config.getLong("proto-max-bulk-len")) {
            out.raw(Errors.LCS_TABLE_TOO_BIG);
            return;
        }
        int width = blen + 1;
        int[] lcs = new int[(int) cells];
        for (int i = 1; i <= alen; i++) {
            for (int j = 1; j <= blen; j++) {
                if (a[i - 1] == c[j - 1]) {
                    lcs[i * width + j] = lcs[(i - 1) * width + j - 1] + 1;
                } else {
                    lcs[i * width + j] = Math.max(lcs[(i - 1) * width + j], lcs[i * width + j - 1]);
                }
            }
        }
        int length = lcs[alen * width + blen];
        if (getLen) {
            out.integer(length);
            return;
        }
        byte[] result = new byte[length];
        // Ranges are found from the end; they are written after the walk, when their number is known.
        java.util.List<long[]> ranges = new java.util.ArrayList<>();
        int idx = length;
        int aStart = alen; // alen: no range open
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        int i = alen;
        int j = blen;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == c[j - 1]) {
                result[idx - 1] = a[i - 1];
                if (aStart == alen) {
                    aStart = i - 1;
                    aEnd = i - 1;
                    bStart = j - 1;
                    bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) {
                    emit = true;
                }
                idx--;
                i--;
                j--;
            } else {
                if (lcs[(i - 1) * width + j] > lcs[i * width + j - 1]) {
                    i--;
                } else {
                    j--;
                }
                if (aStart != alen) {
                    emit = true;
                }
            }
            if (emit) {
                long matchLen = aEnd - aStart + 1;
                if (minMatchLen == 0 || matchLen >= minMatchLen) {
                    ranges.add(new long[] {aStart, aEnd, bStart, bEnd, matchLen});
                }
                aStart = alen;
            }
        }
        if (!getIdx) {
            out.bulk(result);
            return;
        }
        out.mapHeader(2);
        out.bulk(MATCHES);
        out.arrayHeader(ranges.size());
        for (long[] r : ranges) {
            out.arrayHeader(withMatchLen ? 3 : 2);
            out.arrayHeader(2);
            out.integer(r[0]);
            out.integer(r[1]);
            out.arrayHeader(2);
            out.integer(r[2]);
            out.integer(r[3]);
            if (withMatchLen) {
                out.integer(r[4]);
            }
        }
        out.bulk(LEN);
        out.integer(length);
    }

    private static byte[] value(Keyspace keyspace, int slot) {
        if (slot < 0) {
            return new byte[0];
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        int off = StringEntry.valueOffset(e, eb);
        return java.util.Arrays.copyOfRange(e, off, off + StringEntry.valueLength(e, eb));
    }

    private static byte[] token(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
