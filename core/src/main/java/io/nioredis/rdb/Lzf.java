package io.nioredis.rdb;

import java.io.IOException;
import java.util.Arrays;

/**
 * LZF as Redis 7.0 builds liblzf 3.6: HLOG 16, VERY_FAST, so that compressing the same bytes gives the
 * same output Redis writes (rdbSaveLzfStringObject), and decompression accepts anything liblzf accepts.
 * (Later Redis versions added an {@code ip + 4 < in_end} guard to the match test, which changes the
 * output near the end of the input; 7.0.15's DUMP output shows it does not have it.)
 *
 * <p>Format: {@code 000LLLLL} then L+1 literal bytes; {@code LLLooooo oooooooo} a back reference of L+2
 * bytes at distance o+1; {@code 111ooooo LLLLLLLL oooooooo} the same with length L+9.
 *
 * <p>One instance keeps its hash table between calls, so it is not thread safe. liblzf leaves that table
 * uninitialised; we treat every slot not written during the current call as empty, which is what a
 * fresh table gives (Redis can, rarely, find an extra match through a stale slot; the output then
 * differs but both decompress to the same bytes).
 */
public final class Lzf {
    private static final int HLOG = 16;
    private static final int HSIZE = 1 << HLOG;
    private static final int MAX_LIT = 1 << 5;
    private static final int MAX_OFF = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    /**
     * Positions are stored as {@code generation + position}; a slot at or below the current generation
     * belongs to an earlier call, so the table never needs clearing between calls.
     */
    private final int[] table = new int[HSIZE];
    private int generation;

    /**
     * Compresses {@code in[inOff, inOff+inLen)} into {@code out}, giving up (returning 0) as soon as the
     * result would not fit in {@code outLimit} bytes. {@code out} must have room for {@code outLimit + 8}
     * bytes, since liblzf checks its limit a few bytes late.
     *
     * @return the compressed length, or 0 if it did not fit
     */
    public int compress(byte[] in, int inOff, int inLen, byte[] out, int outLimit) {
        try {
            return compress(in, inOff, inLen, out, outLimit, null);
        } catch (IOException e) {
            throw new IllegalStateException(e); // no sink, nothing to fail
        }
    }

    /**
     * What {@link #compress} would return for the same input and limit, found through {@code window} (a few
     * KB) without keeping the output: with {@link #compressTo}, a big string is compressed in two passes
     * instead of into a copy of its size, since RDB puts the compressed length first.
     */
    public int compressedLength(byte[] in, int inOff, int inLen, int outLimit, byte[] window) {
        try {
            return compress(in, inOff, inLen, window, outLimit, (b, n) -> { });
        } catch (IOException e) {
            throw new IllegalStateException(e); // the sink throws nothing
        }
    }

    /**
     * The bytes {@link #compress} would produce, handed to {@code sink} a piece at a time through
     * {@code window} (at least {@link #MIN_WINDOW} bytes); only for an input {@link #compressedLength}
     * found to fit {@code outLimit}. Returns the compressed length.
     */
    public int compressTo(byte[] in, int inOff, int inLen, int outLimit, byte[] window, ByteSink sink)
            throws IOException {
        return compress(in, inOff, inLen, window, outLimit, sink);
    }

    /** The smallest window for {@link #compressedLength} and {@link #compressTo}. */
    public static final int MIN_WINDOW = 256;

    /**
     * liblzf's lzf_compress. With a sink, {@code out} is a window: whenever it is nearly full, everything
     * before the open literal run's length byte (the only byte written so far that can still change or be
     * taken back) goes to the sink and the rest moves to the front.
     */
    private int compress(byte[] in, int inOff, int inLen, byte[] out, int outLimit, ByteSink sink)
            throws IOException {
        if (inLen == 0 || outLimit == 0) {
            return 0;
        }
        if (generation > Integer.MAX_VALUE - inLen - 1) {
            Arrays.fill(table, 0);
            generation = 0;
        }
        int base = generation;
        generation += inLen + 1;
        // One turn of the loop below writes at most 4 bytes; the end at most 3 plus a 2-byte literal tail.
        final int flushAt = out.length - 16;
        int emitted = 0;

        final int inEnd = inLen;
        int outEnd = outLimit;
        int ip = 0;
        int op = 1; // the first literal run's length byte is op[0]
        int lit = 0;
        int hval = inLen >= 2 ? ((in[inOff] & 0xff) << 8) | (in[inOff + 1] & 0xff) : 0;

        while (ip < inEnd - 2) {
            if (sink != null && op >= flushAt) {
                int keep = op - lit - 1;
                sink.write(out, keep);
                emitted += keep;
                outEnd -= keep;
                System.arraycopy(out, keep, out, 0, op - keep);
                op -= keep;
            }
            hval = (hval << 8) | (in[inOff + ip + 2] & 0xff);
            int slot = index(hval);
            int stored = table[slot];
            table[slot] = base + ip;
            int ref = stored - base;
            int off = ip - ref - 1;
            if (stored > base
                    && off < MAX_OFF
                    && in[inOff + ref] == in[inOff + ip]
                    && in[inOff + ref + 1] == in[inOff + ip + 1]
                    && in[inOff + ref + 2] == in[inOff + ip + 2]) {
                int len = 2;
                int maxlen = Math.min(inEnd - ip - len, MAX_REF);

                out[op - lit - 1] = (byte) (lit - 1); // stop run
                if (lit == 0) {
                    op--; // undo run if length is zero
                }
                if (op + 3 + 1 >= outEnd) {
                    return 0;
                }

                scan:
                {
                    // liblzf compares 16 bytes without checking maxlen when maxlen > 16; the do-while
                    // below then overshoots maxlen by design, which still stays inside the input.
                    if (maxlen > 16) {
                        for (int k = 0; k < 16; k++) {
                            len++;
                            if (in[inOff + ref + len] != in[inOff + ip + len]) {
                                break scan;
                            }
                        }
                    }
                    do {
                        len++;
                    } while (len < maxlen && in[inOff + ref + len] == in[inOff + ip + len]);
                }

                len -= 2; // len is now #octets - 1
                ip++;

                if (len < 7) {
                    out[op++] = (byte) ((off >> 8) + (len << 5));
                } else {
                    out[op++] = (byte) ((off >> 8) + (7 << 5));
                    out[op++] = (byte) (len - 7);
                }
                out[op++] = (byte) off;
                lit = 0;
                op++; // start run

                ip += len + 1;
                if (ip >= inEnd - 2) {
                    break;
                }

                // VERY_FAST: rehash only the last two positions of the match.
                ip -= 2;
                hval = ((in[inOff + ip] & 0xff) << 8) | (in[inOff + ip + 1] & 0xff);
                hval = (hval << 8) | (in[inOff + ip + 2] & 0xff);
                table[index(hval)] = base + ip;
                ip++;
                hval = (hval << 8) | (in[inOff + ip + 2] & 0xff);
                table[index(hval)] = base + ip;
                ip++;
            } else {
                if (op >= outEnd) {
                    return 0;
                }
                lit++;
                out[op++] = in[inOff + ip++];
                if (lit == MAX_LIT) {
                    out[op - lit - 1] = (byte) (lit - 1);
                    lit = 0;
                    op++;
                }
            }
        }

        if (op + 3 > outEnd) { // at most 3 bytes can be missing here
            return 0;
        }
        while (ip < inEnd) {
            lit++;
            out[op++] = in[inOff + ip++];
            if (lit == MAX_LIT) {
                out[op - lit - 1] = (byte) (lit - 1);
                lit = 0;
                op++;
            }
        }
        out[op - lit - 1] = (byte) (lit - 1); // end run
        if (lit == 0) {
            op--;
        }
        if (sink != null) {
            sink.write(out, op);
        }
        return emitted + op;
    }

    /** liblzf's IDX for VERY_FAST: ((h >> (24 - HLOG)) - h*5) masked, on an unsigned 32-bit h. */
    private static int index(int h) {
        return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1);
    }

    /**
     * Decompresses exactly {@code expectedLength} bytes, as Redis requires of an LZF string: any
     * mismatch in length, a reference before the start, or input ending inside an instruction is
     * corruption.
     */
    public static byte[] decompress(byte[] in, int inOff, int inLen, int expectedLength) throws RdbFormatException {
        byte[] out = new byte[expectedLength];
        int ip = inOff;
        int inEnd = inOff + inLen;
        int op = 0;
        if (inLen == 0) {
            throw new RdbFormatException("Invalid LZF compressed string: no compressed bytes");
        }
        while (ip < inEnd) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < 32) {
                int run = ctrl + 1;
                if (op + run > expectedLength) {
                    throw new RdbFormatException("Invalid LZF compressed string: output longer than "
                            + expectedLength + " bytes");
                }
                if (ip + run > inEnd) {
                    throw new RdbFormatException("Invalid LZF compressed string: literal run past the end");
                }
                System.arraycopy(in, ip, out, op, run);
                ip += run;
                op += run;
            } else {
                int len = ctrl >>> 5;
                int ref = op - ((ctrl & 0x1f) << 8) - 1;
                if (ip >= inEnd) {
                    throw new RdbFormatException("Invalid LZF compressed string: back reference cut short");
                }
                if (len == 7) {
                    len += in[ip++] & 0xff;
                    if (ip >= inEnd) {
                        throw new RdbFormatException("Invalid LZF compressed string: back reference cut short");
                    }
                }
                ref -= in[ip++] & 0xff;
                len += 2;
                if (op + len > expectedLength) {
                    throw new RdbFormatException("Invalid LZF compressed string: output longer than "
                            + expectedLength + " bytes");
                }
                if (ref < 0) {
                    throw new RdbFormatException("Invalid LZF compressed string: reference before the start");
                }
                // Byte by byte: the source may overlap the bytes being written (a run).
                for (int i = 0; i < len; i++) {
                    out[op++] = out[ref++];
                }
            }
        }
        if (op != expectedLength) {
            throw new RdbFormatException("Invalid LZF compressed string: " + op + " bytes instead of "
                    + expectedLength);
        }
        return out;
    }
}
