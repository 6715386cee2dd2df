package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.text.FloatArgument;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * ZUNION, ZINTER, ZDIFF numkeys key [key ...] (with WEIGHTS, AGGREGATE and WITHSCORES as each allows), their
 * STORE forms destination numkeys key [key ...], and ZINTERCARD numkeys key [key ...] [LIMIT limit], as
 * Redis's zunionInterDiffGenericCommand: numkeys is checked, then every key is looked up and type-checked
 * (plain sets count as members scoring 1), then the options are parsed, so WRONGTYPE comes before a syntax
 * error in the options. Union and intersection walk the inputs smallest first, as Redis sorts them by size,
 * so that sums of scores are added in Redis's order.
 */
final class ZsetAlgebraCommand implements Command {
    static final int UNION = 0;
    static final int INTER = 1;
    static final int DIFF = 2;
    /** ZINTERCARD: an intersection that only counts. */
    static final int INTER_CARD = 3;

    private static final int SUM = 0;
    private static final int MIN = 1;
    private static final int MAX = 2;
    private static final String[] STORE_EVENTS = {"zunionstore", "zinterstore", "zdiffstore"};
    private static final byte[] WEIGHTS = token("weights");
    private static final byte[] AGGREGATE = token("aggregate");
    private static final byte[] WITHSCORES = token("withscores");
    private static final byte[] LIMIT = token("limit");
    private static final byte[][] AGGREGATES = {token("sum"), token("min"), token("max")};
    private static final Comparator<AlgebraInput> BY_SIZE = Comparator.comparingLong(AlgebraInput::size);

    private final int op;
    private final boolean store;
    private final String name;

    ZsetAlgebraCommand(int op, boolean store, String name) {
        this.op = op;
        this.store = store;
        this.name = name;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int numkeysArg = store ? 2 : 1;
        if (!request.isLong(numkeysArg)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long numkeys = request.longValue(numkeysArg);
        if (numkeys < 1) {
            out.error(Errors.atLeastOneInputKey(name));
            return;
        }
        if (numkeys > request.argc() - (numkeysArg + 1)) {
            out.raw(Errors.SYNTAX);
            return;
        }
        int n = (int) numkeys;
        Keyspace keyspace = client.keyspace();
        AlgebraInput[] inputs = new AlgebraInput[n];
        byte[] b = request.array();
        int j = numkeysArg + 1;
        for (int i = 0; i < n; i++, j++) {
            int slot = store ? keyspace.lookup(b, request.offset(j), request.length(j))
                    : keyspace.lookupRead(b, request.offset(j), request.length(j));
            Object value = slot < 0 ? null : keyspace.entry(slot);
            if (value != null && !(value instanceof SortedSetValue) && !(value instanceof SetValue)) {
                out.raw(Errors.WRONG_TYPE);
                return;
            }
            inputs[i] = new AlgebraInput(value instanceof SortedSetValue ? (SortedSetValue) value : null,
                    value instanceof SetValue ? (SetValue) value : null);
        }
        int aggregate = SUM;
        boolean withScores = false;
        long limit = 0;
        boolean combines = op == UNION || op == INTER;
        while (j < request.argc()) {
            int remaining = request.argc() - j;
            if (combines && remaining >= n + 1 && request.is(j, WEIGHTS)) {
                j++;
                for (int i = 0; i < n; i++, j++) {
                    double weight = FloatArgument.strict(b, request.offset(j), request.length(j));
                    if (Double.isNaN(weight)) {
                        out.raw(Errors.WEIGHT_NOT_FLOAT);
                        return;
                    }
                    inputs[i].weight = weight;
                }
            } else if (combines && remaining >= 2 && request.is(j, AGGREGATE)) {
                aggregate = -1;
                for (int a = 0; a < AGGREGATES.length; a++) {
                    if (request.is(j + 1, AGGREGATES[a])) {
                        aggregate = a;
                    }
                }
                if (aggregate < 0) {
                    out.raw(Errors.SYNTAX);
                    return;
                }
                j += 2;
            } else if (!store && op != INTER_CARD && request.is(j, WITHSCORES)) {
                withScores = true;
                j++;
            } else if (op == INTER_CARD && remaining >= 2 && request.is(j, LIMIT)) {
                if (!request.isLong(j + 1) || request.longValue(j + 1) < 0) {
                    out.raw(Errors.LIMIT_NEGATIVE);
                    return;
                }
                limit = request.longValue(j + 1);
                j += 2;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (op != DIFF) {
            Arrays.sort(inputs, BY_SIZE); // stable, as the qsort Redis links against for this size
        }
        if (op == INTER_CARD) {
            out.integer(intersectionSize(inputs, limit));
            return;
        }
        SortedSetValue result = new SortedSetValue(store ? request.copy(1) : new byte[0]);
        result.notCompact(); // built as Redis builds it, a skip list that keeps -0
        switch (op) {
            case UNION:
                union(inputs, aggregate, result);
                break;
            case INTER:
                intersect(inputs, aggregate, result);
                break;
            default:
                difference(inputs, result);
                break;
        }
        if (store) {
            SortedSetValue stored = encoded(result, client.server().config.encoding);
            SortedSetCommands.storeResult(keyspace, b, request.offset(1), request.length(1), stored, STORE_EVENTS[op], out);
            return;
        }
        SortedSetCommands.rangeHeader(result.size(), withScores, out);
        for (long r = 0, size = result.size(); r < size; r++) {
            SortedSetCommands.writeMember(result, r, withScores, out);
        }
    }

    private static void union(AlgebraInput[] inputs, int aggregate, SortedSetValue result) {
        for (AlgebraInput input : inputs) {
            double weight = input.weight;
            input.forEach((m, off, len, score) -> {
                double value = weighted(weight, score);
                long hash = result.hash(m, off, len);
                double current = result.score(m, off, len, hash);
                if (Double.isNaN(current)) {
                    result.add(value, m, off, len, hash, SortedSetValue.NO_LIMIT, SortedSetValue.NO_LIMIT);
                } else {
                    result.updateScore(m, off, len, hash, aggregate(current, value, aggregate));
                }
            });
        }
    }

    private static void intersect(AlgebraInput[] inputs, int aggregate, SortedSetValue result) {
        if (inputs[0].size() == 0) {
            return;
        }
        inputs[0].forEach((m, off, len, score) -> {
            double total = weighted(inputs[0].weight, score);
            for (int i = 1; i < inputs.length; i++) {
                double other = inputs[i].scoreOf(m, off, len);
                if (Double.isNaN(other)) {
                    return;
                }
                total = aggregate(total, other * inputs[i].weight, aggregate);
            }
            result.add(total, m, off, len, SortedSetValue.NO_LIMIT, SortedSetValue.NO_LIMIT);
        });
    }

    /** Members of the first input found in none of the others, with their scores from the first. */
    private static void difference(AlgebraInput[] inputs, SortedSetValue result) {
        inputs[0].forEach((m, off, len, score) -> {
            for (int i = 1; i < inputs.length; i++) {
                if (!Double.isNaN(inputs[i].scoreOf(m, off, len))) {
                    return;
                }
            }
            result.add(score, m, off, len, SortedSetValue.NO_LIMIT, SortedSetValue.NO_LIMIT);
        });
    }

    /** ZINTERCARD: members in every input, counting up to {@code limit} (0: no limit). */
    private static long intersectionSize(AlgebraInput[] inputs, long limit) {
        if (inputs[0].size() == 0) {
            return 0;
        }
        long[] count = {0};
        inputs[0].forEach((m, off, len, score) -> {
            if (limit > 0 && count[0] >= limit) {
                return;
            }
            for (int i = 1; i < inputs.length; i++) {
                if (Double.isNaN(inputs[i].scoreOf(m, off, len))) {
                    return;
                }
            }
            count[0]++;
        });
        return count[0];
    }

    /** A weighted score; 0 times infinity counts as 0, as Redis's zunionInterDiffGenericCommand. */
    private static double weighted(double weight, double score) {
        double value = weight * score;
        return Double.isNaN(value) ? 0 : value;
    }

    /** Redis's zunionInterAggregate, including its rule that inf + -inf sums to 0. */
    private static double aggregate(double target, double value, int aggregate) {
        switch (aggregate) {
            case SUM:
                double sum = target + value;
                return Double.isNaN(sum) ? 0.0 : sum;
            case MIN:
                return value < target ? value : target;
            default:
                return value > target ? value : target;
        }
    }

    /**
     * The stored value in the encoding Redis would give it: Redis converts a small result to a listpack,
     * whose scores read back -0 as 0, and keeps a large one as the skip list it was built in.
     */
    private static SortedSetValue encoded(SortedSetValue built, EncodingLimits limits) {
        if (!built.fitsListpack(limits.zsetMaxListpackEntries, limits.zsetMaxListpackValue)) {
            return built;
        }
        SortedSetValue compact = new SortedSetValue(built.key());
        for (long r = 0, n = built.size(); r < n; r++) {
            compact.add(built.score(r), built.memberArray(r), built.memberOffset(r), built.memberLength(r),
                    SortedSetValue.NO_LIMIT, SortedSetValue.NO_LIMIT);
        }
        compact.trimToSize();
        return compact;
    }

    private static byte[] token(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
