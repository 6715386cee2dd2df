/**
 * Redis's HyperLogLog, kept as the bytes of a string value exactly as Redis 7.0 stores them.
 * <ul>
 *   <li>{@link io.nioredis.value.hll.HyperLogLog}: the layout, validation, PFCOUNT with its cache, PFDEBUG views;</li>
 *   <li>{@link io.nioredis.value.hll.HyperLogLogEditor}: PFADD and PFMERGE writes, sparse growth and promotion;</li>
 *   <li>{@link io.nioredis.value.hll.HyperLogLogUnion}: registers gathered for PFCOUNT of several keys and PFMERGE;</li>
 *   <li>{@link io.nioredis.value.hll.HyperLogLogSelfTest}: PFSELFTEST;</li>
 *   <li>{@link io.nioredis.value.hll.MurmurHash64A}: the element hash;</li>
 *   <li>DenseRegisters, SparseRegisters, CardinalityEstimator: the two encodings and the estimate.</li>
 * </ul>
 * Tests compare with bytes and replies captured from a real Redis 7.0.15 (test resource redis-7.0.15-hll.txt).
 */
package io.nioredis.value.hll;
