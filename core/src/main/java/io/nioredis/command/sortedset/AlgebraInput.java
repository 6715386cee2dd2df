package io.nioredis.command.sortedset;

import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;

/**
 * One input of ZUNION, ZINTER, ZDIFF and their relatives, as Redis's zsetopsrc: a sorted set, a plain set
 * (whose members all score 1, as Redis accepts sets there) or nothing (a missing key), with its weight.
 */
final class AlgebraInput {
    /** Receives the members of an input in its iteration order. */
    interface Visitor {
        void visit(byte[] b, int off, int len, double score);
    }

    final SortedSetValue zset;
    final SetValue set;
    double weight = 1;

    AlgebraInput(SortedSetValue zset, SetValue set) {
        this.zset = zset;
        this.set = set;
    }

    long size() {
        return zset != null ? zset.size() : set != null ? set.size() : 0;
    }

    /** The member's score in this input, or NaN if it is not there (a stored score is never NaN). */
    double scoreOf(byte[] b, int off, int len) {
        if (zset != null) {
            return zset.score(b, off, len);
        }
        return set != null && set.contains(b, off, len) ? 1.0 : Double.NaN;
    }

    void forEach(Visitor visitor) {
        if (zset != null) {
            for (long r = 0, n = zset.size(); r < n; r++) {
                visitor.visit(zset.memberArray(r), zset.memberOffset(r), zset.memberLength(r), zset.score(r));
            }
        } else if (set != null) {
            SetMember m = new SetMember();
            for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
                if (set.member(p, m)) {
                    visitor.visit(m.array, m.offset, m.length, 1.0);
                }
            }
        }
    }
}
