package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.text.Ascii;
import io.nioredis.text.FloatArgument;
import io.nioredis.value.ListValue;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination] and
 * SORT_RO (the same without STORE), as Redis 7.0's sortCommandGeneric:
 * <ul>
 *   <li>numbers are read with strtod and any element (or BY value) that is not one fails the whole command
 *   with "One or more scores can't be converted into double"; equal scores order by the element's bytes.
 *   Redis does not clear errno before its strtod, so there a range error left by an earlier command (a
 *   ZADD of 5e-324, say) can fail a later SORT of non-integer strings; here each value is judged alone;</li>
 *   <li>ALPHA compares bytes as strcoll does in the C locale (up to a NUL byte), or all the bytes when
 *   storing; equal elements keep their order, as the stable qsort Redis links against does;</li>
 *   <li>BY a pattern without a star does not sort: lists and sorted sets keep their order (DESC reverses it,
 *   LIMIT takes a range), a set is sorted ALPHA anyway when the result is stored;</li>
 *   <li>sorting a sorted set converts it to a skip list, as Redis does (including the range error that
 *   reading back a subnormal score leaves for the number check);</li>
 *   <li>STORE replaces the destination with a list (deleting it when the result is empty); GET of a missing
 *   value stores an empty string where the reply has a nil.</li>
 * </ul>
 */
final class SortCommand implements Command {
    private static final byte[] ASC = token("asc");
    private static final byte[] DESC = token("desc");
    private static final byte[] ALPHA = token("alpha");
    private static final byte[] LIMIT = token("limit");
    private static final byte[] STORE = token("store");
    private static final byte[] BY = token("by");
    private static final byte[] GET = token("get");
    private static final byte[] EMPTY = new byte[0];

    private final boolean readOnly;

    SortCommand(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** One element to sort: the element, its numeric score, or for ALPHA BY the value compared. */
    private static final class Item {
        final byte[] element;
        double score;
        byte[] compared;

        Item(byte[] element) {
            this.element = element;
        }
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        boolean desc = false;
        boolean alpha = false;
        boolean dontSort = false;
        long limitStart = 0;
        long limitCount = -1;
        SortPattern by = null;
        int storeArg = -1;
        List<SortPattern> gets = new ArrayList<>();
        for (int j = 2; j < request.argc(); j++) {
            int left = request.argc() - j - 1;
            if (request.is(j, ASC)) {
                desc = false;
            } else if (request.is(j, DESC)) {
                desc = true;
            } else if (request.is(j, ALPHA)) {
                alpha = true;
            } else if (request.is(j, LIMIT) && left >= 2) {
                if (!request.isLong(j + 1) || !request.isLong(j + 2)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                limitStart = request.longValue(j + 1);
                limitCount = request.longValue(j + 2);
                j += 2;
            } else if (!readOnly && request.is(j, STORE) && left >= 1) {
                storeArg = ++j;
            } else if (request.is(j, BY) && left >= 1) {
                by = new SortPattern(request.copy(++j));
                dontSort |= !by.hasStar(); // as Redis, once a BY without a star was given, nothing sorts
                if (by.hasStar() && client.server().cluster != null) {
                    out.raw(Errors.SORT_BY_IN_CLUSTER); // the pattern's keys may live on other nodes
                    return;
                }
            } else if (request.is(j, GET) && left >= 1) {
                if (client.server().cluster != null) {
                    out.raw(Errors.SORT_GET_IN_CLUSTER);
                    return;
                }
                gets.add(new SortPattern(request.copy(++j)));
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        Object value = slot < 0 ? null : keyspace.entry(slot);
        if (value != null && !(value instanceof ListValue) && !(value instanceof SetValue)
                && !(value instanceof SortedSetValue)) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        if (dontSort && value instanceof SetValue && storeArg >= 0) {
            // A set has no order of its own; a stored result must not depend on the hash table.
            dontSort = false;
            alpha = true;
            by = null;
        }
        boolean rangeErrorLeft = false;
        if (value instanceof SortedSetValue) {
            SortedSetValue zset = (SortedSetValue) value;
            rangeErrorLeft = zset.compact() && holdsSubnormalScore(zset);
            zset.notCompact();
        }
        int length = value == null ? 0 : value instanceof ListValue ? ((ListValue) value).size()
                : value instanceof SetValue ? ((SetValue) value).size() : (int) ((SortedSetValue) value).size();

        long start = Math.min(Math.max(limitStart, 0), length);
        long count = Math.min(Math.max(limitCount, -1), length);
        long end = count < 0 ? length - 1 : start + count - 1;
        if (start >= length) {
            start = length - 1;
            end = length - 2;
        }
        if (end >= length) {
            end = length - 1;
        }

        Item[] items;
        boolean ordered = value instanceof ListValue || value instanceof SortedSetValue;
        if (ordered && dontSort) {
            // The range is taken straight from the list or sorted set, in its order or reversed.
            items = range(value, start, end, desc);
            end -= start;
            start = 0;
        } else {
            items = all(value);
        }

        if (!dontSort) {
            boolean notNumbers = false;
            for (Item item : items) {
                byte[] byValue = by == null ? item.element : by.lookup(keyspace, item.element);
                if (byValue == null) {
                    continue;
                }
                if (alpha) {
                    if (by != null) {
                        item.compared = byValue;
                    }
                } else {
                    item.score = FloatArgument.rangeChecked(byValue, 0, byValue.length);
                    // Redis skips the check for values it holds as integers (BY values that are canonical
                    // integers); every other value also fails on a range error the conversion left behind.
                    boolean heldAsInteger = by != null && Ascii.isLong(byValue, 0, byValue.length);
                    if (Double.isNaN(item.score) || (rangeErrorLeft && !heldAsInteger)) {
                        notNumbers = true;
                    }
                }
            }
            if (notNumbers) {
                out.raw(Errors.SORT_NOT_A_DOUBLE);
                return;
            }
            Arrays.sort(items, comparator(alpha, by != null, storeArg >= 0, desc));
        }

        int outputs = (int) (end - start + 1) * (gets.isEmpty() ? 1 : gets.size());
        if (storeArg < 0) {
            out.arrayHeader(outputs);
            for (long j = start; j <= end; j++) {
                Item item = items[(int) j];
                if (gets.isEmpty()) {
                    out.bulk(item.element);
                }
                for (SortPattern get : gets) {
                    byte[] got = get.lookup(keyspace, item.element);
                    if (got == null) {
                        out.nullValue();
                    } else {
                        out.bulk(got);
                    }
                }
            }
            return;
        }
        store(keyspace, request, storeArg, items, start, end, gets, outputs, out);
    }

    private static void store(Keyspace keyspace, Request request, int storeArg, Item[] items, long start, long end,
                              List<SortPattern> gets, int outputs, RespWriter out) {
        byte[] b = request.array();
        int doff = request.offset(storeArg);
        int dlen = request.length(storeArg);
        ListValue result = new ListValue(request.copy(storeArg));
        for (long j = start; j <= end; j++) {
            Item item = items[(int) j];
            if (gets.isEmpty()) {
                result.pushTail(item.element);
            }
            for (SortPattern get : gets) {
                byte[] got = get.lookup(keyspace, item.element);
                result.pushTail(got == null ? EMPTY : got.clone());
            }
        }
        int slot = keyspace.lookup(b, doff, dlen);
        if (outputs > 0) {
            if (slot >= 0) {
                keyspace.delete(slot);
            }
            keyspace.add(result);
            keyspace.changed(KeyspaceEvents.LIST, "sortstore", b, doff, dlen);
        } else if (slot >= 0) {
            keyspace.delete(slot);
            keyspace.changed(KeyspaceEvents.GENERIC, "del", b, doff, dlen);
        }
        out.integer(outputs);
    }

    /**
     * Redis converts a listpack sorted set to a skip list before sorting it, reading every score back with
     * strtod; a subnormal score sets errno to ERANGE there, and SORT's own check of errno then refuses every
     * element it parses as a number.
     */
    private static boolean holdsSubnormalScore(SortedSetValue zset) {
        for (long r = 0, n = zset.size(); r < n; r++) {
            double score = Math.abs(zset.score(r));
            if (score != 0 && score < Double.MIN_NORMAL) {
                return true;
            }
        }
        return false;
    }

    /** Elements start..end of a list or sorted set in its order, or from the other end when descending. */
    private static Item[] range(Object value, long start, long end, boolean desc) {
        int n = (int) Math.max(0, end - start + 1);
        Item[] items = new Item[n];
        if (value instanceof ListValue) {
            ListValue list = (ListValue) value;
            int first = desc ? (int) (list.size() - start - n) : (int) start;
            byte[][] elements = list.range(first, first + n - 1);
            for (int i = 0; i < n; i++) {
                items[i] = new Item(elements[desc ? n - 1 - i : i]);
            }
            return items;
        }
        SortedSetValue zset = (SortedSetValue) value;
        long first = desc ? zset.size() - 1 - start : start;
        for (int i = 0; i < n; i++) {
            items[i] = new Item(zset.member(desc ? first - i : first + i));
        }
        return items;
    }

    private static Item[] all(Object value) {
        List<Item> items = new ArrayList<>();
        if (value instanceof ListValue) {
            ListValue list = (ListValue) value;
            for (byte[] element : list.elements()) {
                items.add(new Item(element));
            }
        } else if (value instanceof SetValue) {
            SetValue set = (SetValue) value;
            SetMember m = new SetMember();
            for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
                if (set.member(p, m)) {
                    items.add(new Item(Arrays.copyOfRange(m.array, m.offset, m.offset + m.length)));
                }
            }
        } else if (value instanceof SortedSetValue) {
            SortedSetValue zset = (SortedSetValue) value;
            for (long r = 0, n = zset.size(); r < n; r++) {
                items.add(new Item(zset.member(r)));
            }
        }
        return items.toArray(new Item[0]);
    }

    /** Redis's sortCompare. */
    private static Comparator<Item> comparator(boolean alpha, boolean byPattern, boolean storing, boolean desc) {
        Comparator<Item> c;
        if (!alpha) {
            c = (x, y) -> x.score > y.score ? 1 : x.score < y.score ? -1 : Arrays.compareUnsigned(x.element, y.element);
        } else if (byPattern) {
            c = (x, y) -> {
                if (x.compared == null || y.compared == null) {
                    return x.compared == y.compared ? 0 : x.compared == null ? -1 : 1;
                }
                return storing ? Arrays.compareUnsigned(x.compared, y.compared) : collate(x.compared, y.compared);
            };
        } else {
            c = (x, y) -> storing ? Arrays.compareUnsigned(x.element, y.element) : collate(x.element, y.element);
        }
        return desc ? c.reversed() : c;
    }

    /** strcoll in the C locale: unsigned bytes up to the first NUL. */
    private static int collate(byte[] x, byte[] y) {
        for (int i = 0; ; i++) {
            int a = i < x.length ? x[i] & 0xff : 0;
            int b = i < y.length ? y[i] & 0xff : 0;
            if (a != b || a == 0) {
                return a - b;
            }
        }
    }

    private static byte[] token(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
