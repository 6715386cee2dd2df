package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.text.FloatArgument;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SortedSetValue;

/**
 * ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...] and ZINCRBY key increment member,
 * which is ZADD INCR (Redis's zaddGenericCommand). Options are parsed into flags, every score is parsed
 * before anything changes, and the option conflicts get Redis's exact errors.
 */
final class ZaddCommand implements Command {
    private static final byte[] NX_TOKEN = {'n', 'x'};
    private static final byte[] XX_TOKEN = {'x', 'x'};
    private static final byte[] CH_TOKEN = {'c', 'h'};
    private static final byte[] INCR_TOKEN = {'i', 'n', 'c', 'r'};
    private static final byte[] GT_TOKEN = {'g', 't'};
    private static final byte[] LT_TOKEN = {'l', 't'};

    private static final int NX = 1;
    private static final int XX = 1 << 1;
    private static final int CH = 1 << 2;
    private static final int INCR = 1 << 3;
    private static final int GT = 1 << 4;
    private static final int LT = 1 << 5;

    private final boolean zincrby;
    /** Parsed scores, reused by every call: the event loop is single-threaded. */
    private double[] scores = new double[8];

    ZaddCommand(boolean zincrby) {
        this.zincrby = zincrby;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int flags = zincrby ? INCR : 0;
        int scoreArg = 2;
        int argc = request.argc();
        if (!zincrby) {
            for (; scoreArg < argc; scoreArg++) {
                if (request.is(scoreArg, NX_TOKEN)) {
                    flags |= NX;
                } else if (request.is(scoreArg, XX_TOKEN)) {
                    flags |= XX;
                } else if (request.is(scoreArg, CH_TOKEN)) {
                    flags |= CH;
                } else if (request.is(scoreArg, INCR_TOKEN)) {
                    flags |= INCR;
                } else if (request.is(scoreArg, GT_TOKEN)) {
                    flags |= GT;
                } else if (request.is(scoreArg, LT_TOKEN)) {
                    flags |= LT;
                } else {
                    break;
                }
            }
        }
        int elements = argc - scoreArg;
        if (elements % 2 != 0 || elements == 0) {
            out.raw(Errors.SYNTAX);
            return;
        }
        elements /= 2;
        if ((flags & NX) != 0 && (flags & XX) != 0) {
            out.error("ERR XX and NX options at the same time are not compatible");
            return;
        }
        if ((flags & GT) != 0 && (flags & (NX | LT)) != 0 || (flags & (LT | NX)) == (LT | NX)) {
            out.error("ERR GT, LT, and/or NX options at the same time are not compatible");
            return;
        }
        if ((flags & INCR) != 0 && elements > 1) {
            out.error("ERR INCR option supports a single increment-element pair");
            return;
        }
        if (scores.length < elements) {
            scores = new double[Math.max(elements, scores.length * 2)];
        }
        byte[] b = request.array();
        for (int j = 0; j < elements; j++) {
            int arg = scoreArg + 2 * j;
            double score = FloatArgument.strict(b, request.offset(arg), request.length(arg));
            if (Double.isNaN(score)) {
                out.raw(Errors.NOT_A_VALID_FLOAT);
                return;
            }
            scores[j] = score;
        }
        Keyspace keyspace = client.keyspace();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        SortedSetValue zset;
        if (slot >= 0) {
            zset = Lookup.typedOrReply(keyspace, slot, SortedSetValue.class, out);
            if (zset == null) {
                return;
            }
        } else if ((flags & XX) != 0) {
            replyNothingDone(flags, out);
            return;
        } else {
            // Redis 7.0 starts a listpack whatever the count (a ZADD of repeated members stays one) and
            // converts at the insert that crosses a limit.
            zset = new SortedSetValue(request.copy(1));
            keyspace.add(zset);
        }
        long before = zset.memoryUsage();
        EncodingLimits limits = client.server().config.encoding;
        long added = 0;
        long updated = 0;
        long processed = 0;
        double score = 0;
        boolean nan = false;
        for (int j = 0; j < elements; j++) {
            score = scores[j];
            int arg = scoreArg + 2 * j + 1;
            int moff = request.offset(arg);
            int mlen = request.length(arg);
            long hash = zset.hash(b, moff, mlen);
            double current = zset.score(b, moff, mlen, hash);
            if (!Double.isNaN(current)) {
                if ((flags & NX) != 0) {
                    continue;
                }
                if ((flags & INCR) != 0) {
                    score += current;
                    if (Double.isNaN(score)) {
                        nan = true;
                        break;
                    }
                }
                if (((flags & LT) != 0 && score >= current) || ((flags & GT) != 0 && score <= current)) {
                    continue;
                }
                processed++;
                if (score != current) {
                    zset.updateScore(b, moff, mlen, hash, score);
                    updated++;
                }
            } else if ((flags & XX) == 0) {
                zset.add(score, b, moff, mlen, hash, limits.zsetMaxListpackEntries, limits.zsetMaxListpackValue);
                added++;
                processed++;
            }
        }
        if (elements > 1) {
            zset.trimToSize(); // most sets are filled by one ZADD: keep no room for growth, as a listpack
        }
        keyspace.adjustMemory(zset.memoryUsage() - before);
        if (added > 0 || updated > 0) {
            keyspace.changed(KeyspaceEvents.ZSET, (flags & INCR) != 0 ? "zincr" : "zadd", b, koff, klen);
        }
        if (nan) {
            out.raw(Errors.SCORE_NAN);
        } else if ((flags & INCR) != 0) {
            if (processed > 0) {
                out.doubleValue(score);
            } else {
                out.nullValue();
            }
        } else {
            out.integer((flags & CH) != 0 ? added + updated : added);
        }
    }

    private static void replyNothingDone(int flags, RespWriter out) {
        if ((flags & INCR) != 0) {
            out.nullValue();
        } else {
            out.raw(Replies.ZERO);
        }
    }
}
