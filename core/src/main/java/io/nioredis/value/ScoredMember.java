package io.nioredis.value;

import io.nioredis.store.KeyedValue;

/**
 * One member of a large sorted set with its score: the entry of the set's member dict (keyed by the member,
 * so that ZSCORE is one look-up) and the element its {@link ScoreTree} orders. The tree keeps a copy of the
 * score beside the reference, so that a search compares scores without reading this object.
 */
public final class ScoredMember extends KeyedValue {
    double score;

    ScoredMember(byte[] member, double score) {
        super(member);
        this.score = score;
    }

    public double score() {
        return score;
    }

    @Override
    public String typeName() {
        return "zset";
    }

    /** Members live inside a sorted set, never as keyspace values; copy the {@link SortedSetValue}. */
    @Override
    public KeyedValue copy(byte[] newKey) {
        throw new UnsupportedOperationException("a sorted-set member is not a keyspace value");
    }

    /** This object (header, member reference, score) and its member's bytes. */
    @Override
    public long memoryUsage() {
        return 24 + ((16 + key().length + 7) & ~7L);
    }
}
