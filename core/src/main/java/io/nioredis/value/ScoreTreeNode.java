package io.nioredis.value;

/** A node of a {@link ScoreTree}: a {@link ScoreLeaf} or a {@link ScoreInner}; {@code size} counts its entries. */
abstract class ScoreTreeNode {
    int size;

    /** The elements under this node. */
    abstract int count();
}
