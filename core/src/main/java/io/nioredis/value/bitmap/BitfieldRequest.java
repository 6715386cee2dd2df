package io.nioredis.value.bitmap;

import io.nioredis.text.Ascii;

import java.util.ArrayList;
import java.util.List;

/**
 * A BITFIELD or BITFIELD_RO command's subcommands, parsed all at once as Redis does before it touches the key:
 * GET type offset | SET type offset value | INCRBY type offset increment | OVERFLOW WRAP|SAT|FAIL, where each
 * OVERFLOW applies to the SET and INCRBY after it.
 *
 * <p>Then the command layer: replies {@link #error()} if there is one; otherwise, if {@link #isReadOnly()},
 * reads the key (a missing key reads as empty); else refuses BITFIELD_RO (Redis's "only supports the GET subcommand"),
 * grows the string to {@link #bytesNeeded()} (creating it if missing), and replies an array with
 * {@link #run(Op, byte[], int, int)} of each op in order (null as a nil reply).
 */
public final class BitfieldRequest {
    /** Why Redis refuses a BITFIELD before touching the key; the command layer replies the matching error. */
    public enum Failure {
        /** An unknown subcommand or one missing arguments. */
        SYNTAX,
        /** A type other than i1..i64, u1..u63. */
        BAD_TYPE,
        /** An offset that is not a non-negative integer within proto-max-bulk-len. */
        BAD_OFFSET,
        /** OVERFLOW with other than WRAP, SAT or FAIL. */
        BAD_OVERFLOW,
        /** A SET value or INCRBY increment that is not a 64-bit integer. */
        NOT_AN_INTEGER
    }

    public enum Kind { GET, SET, INCRBY }

    /** One subcommand: {@code argument} is SET's value or INCRBY's increment (0 for GET). */
    public record Op(Kind kind, BitfieldType type, long offset, long argument, BitfieldOverflow overflow) {
    }

    private final List<Op> ops;
    private final Failure error;
    private final long bytesNeeded;

    private BitfieldRequest(List<Op> ops, Failure error, long bytesNeeded) {
        this.ops = ops;
        this.error = error;
        this.bytesNeeded = bytesNeeded;
    }

    /**
     * Parses {@code args[from..to)}, the arguments after the key.
     *
     * @param maxBulkLength proto-max-bulk-len, bounding offsets (see {@link BitOffsetArgument#parse})
     */
    public static BitfieldRequest parse(byte[][] args, int from, int to, long maxBulkLength) {
        List<Op> ops = new ArrayList<>();
        BitfieldOverflow overflow = BitfieldOverflow.WRAP;
        long needed = 0;
        for (int j = from; j < to; j++) {
            int remaining = to - j - 1;
            byte[] name = args[j];
            Kind kind;
            if (AsciiCase.equalsIgnoreCase(name, "GET") && remaining >= 2) {
                kind = Kind.GET;
            } else if (AsciiCase.equalsIgnoreCase(name, "SET") && remaining >= 3) {
                kind = Kind.SET;
            } else if (AsciiCase.equalsIgnoreCase(name, "INCRBY") && remaining >= 3) {
                kind = Kind.INCRBY;
            } else if (AsciiCase.equalsIgnoreCase(name, "OVERFLOW") && remaining >= 1) {
                overflow = BitfieldOverflow.parse(args[++j]);
                if (overflow == null) {
                    return failure(Failure.BAD_OVERFLOW);
                }
                continue;
            } else {
                return failure(Failure.SYNTAX);
            }
            BitfieldType type = BitfieldType.parse(args[j + 1]);
            if (type == null) {
                return failure(Failure.BAD_TYPE);
            }
            long offset = BitOffsetArgument.parse(args[j + 2], type.bits(), maxBulkLength);
            if (offset < 0) {
                return failure(Failure.BAD_OFFSET);
            }
            long argument = 0;
            if (kind != Kind.GET) {
                byte[] a = args[j + 3];
                if (!Ascii.isLong(a, 0, a.length)) {
                    return failure(Failure.NOT_AN_INTEGER);
                }
                argument = Ascii.parseLong(a, 0, a.length);
                needed = Math.max(needed, Bitfield.bytesNeeded(offset, type.bits()));
            }
            ops.add(new Op(kind, type, offset, argument, overflow));
            j += kind == Kind.GET ? 2 : 3;
        }
        return new BitfieldRequest(List.copyOf(ops), null, needed);
    }

    private static BitfieldRequest failure(Failure error) {
        return new BitfieldRequest(List.of(), error, 0);
    }

    /** Why the request is refused (reply the error instead of running anything), or null. */
    public Failure error() {
        return error;
    }

    public List<Op> ops() {
        return ops;
    }

    /** True when there is no SET or INCRBY: the key is only read, and BITFIELD_RO may run it. */
    public boolean isReadOnly() {
        return bytesNeeded == 0;
    }

    /** The length the string must have before the writes run (0 when read only). */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    /**
     * One op's reply: GET's value, SET's previous value, INCRBY's new value, or null (a nil reply) when OVERFLOW
     * FAIL refused the write. Writes need {@code value} grown to {@link #bytesNeeded()}.
     */
    public static Long run(Op op, byte[] value, int from, int length) {
        return switch (op.kind()) {
            case GET -> Bitfield.get(value, from, length, op.type(), op.offset());
            case SET -> Bitfield.set(value, from, length, op.type(), op.offset(), op.argument(), op.overflow());
            case INCRBY -> Bitfield.incrBy(value, from, length, op.type(), op.offset(), op.argument(), op.overflow());
        };
    }
}
