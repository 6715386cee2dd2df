/**
 * Bitmaps: the bit commands of Redis 7.0 (src/bitops.c) as pure functions over a string value's bytes.
 *
 * <p>Every function takes a view {@code (byte[] value, int from, int length)} of the string, which may sit inside a
 * larger array (a packed key and value); bits are numbered from the most significant bit of the first byte, as in
 * SETBIT. Functions that write ({@link Bit#set},
 * {@link Bitfield#set}, {@link Bitfield#incrBy}) expect the caller to have grown the array first (zero padded,
 * as Redis's {@code sdsgrowzero}); {@link Bit#bytesNeeded} and {@link Bitfield#bytesNeeded} say how far.
 * Nothing here knows of keys, types or replies: the command layer looks the key up, checks the type, parses
 * the numbers, and uses these functions and the parsers {@link BitOffsetArgument}, {@link BitOperation#parse} and
 * {@link BitfieldRequest} (which parses a whole BITFIELD with {@link BitfieldType} and {@link BitfieldOverflow}).
 */
package io.nioredis.value.bitmap;
