/**
 * Redis 7.0's RDB serialization (RDB version 10), standalone: it depends on no other nioredis package.
 *
 * <p>Entry points: {@link io.nioredis.rdb.DumpPayload} for DUMP and RESTORE; {@link io.nioredis.rdb.RdbValueWriter}
 * and {@link io.nioredis.rdb.RdbValueReader} for one value inside a larger RDB stream, over
 * {@link io.nioredis.rdb.RdbOutput} and {@link io.nioredis.rdb.RdbInput}. Values cross the boundary as the neutral
 * {@link io.nioredis.rdb.RdbValue} model; which compact encoding is written follows {@link io.nioredis.rdb.EncodingLimits}.
 *
 * <p>Underneath, one file per format: {@link io.nioredis.rdb.Crc64}, {@link io.nioredis.rdb.Lzf},
 * {@link io.nioredis.rdb.ListpackWriter}/{@link io.nioredis.rdb.ListpackReader}, {@link io.nioredis.rdb.Intset},
 * {@link io.nioredis.rdb.ZiplistReader} and {@link io.nioredis.rdb.ZipmapReader} (read only: Redis 7.0 no longer writes
 * them), and for streams {@link io.nioredis.rdb.RdbStreamCodec} (nodes, counters, groups) over
 * {@link io.nioredis.rdb.StreamListpack} (one node's listpack), with the model's pieces in
 * {@link io.nioredis.rdb.StreamParts}. Corrupt input always surfaces as the checked {@link io.nioredis.rdb.RdbFormatException}.
 */
package io.nioredis.rdb;
