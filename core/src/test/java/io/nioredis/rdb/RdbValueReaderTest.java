package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.rdb.RdbValue.HashValue;
import io.nioredis.rdb.RdbValue.ListValue;
import io.nioredis.rdb.RdbValue.SortedSetValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The encodings Redis 7.0 only loads (older RDB files), and the values it refuses to load. */
class RdbValueReaderTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static RdbValue read(Consumer<RdbOutput> write) throws RdbFormatException {
        RdbOutput out = new RdbOutput();
        write.accept(out);
        return RdbValueReader.read(new RdbInput(out.toByteArray()));
    }

    private static void assertRefused(Consumer<RdbOutput> write, String why) {
        assertThatThrownBy(() -> read(write)).isInstanceOf(RdbFormatException.class).hasMessageContaining(why);
    }

    @Test
    void readsPlainList() throws Exception {
        RdbValue v = read(o -> {
            o.writeType(RdbType.LIST);
            o.writeLength(3);
            o.writeString(b("a"));
            o.writeString(b("12"));
            o.writeString(b("x".repeat(100)));
        });
        assertThat(ValueText.ordered(v)).isEqualTo(ValueText.ordered(new ListValue(List.of(b("a"), b("12"), b("x".repeat(100))))));
    }

    @Test
    void readsPlainSetHashAndOldZset() throws Exception {
        assertThat(ValueText.content(read(o -> {
            o.writeType(RdbType.SET);
            o.writeLength(2);
            o.writeString(b("a"));
            o.writeString(b("1"));
        }))).isEqualTo("set:31,61");
        assertThat(ValueText.ordered(read(o -> {
            o.writeType(RdbType.HASH);
            o.writeLength(1);
            o.writeString(b("f"));
            o.writeString(b("v"));
        }))).isEqualTo("hash:66=76");
        RdbValue zset = read(o -> {
            o.writeType(RdbType.ZSET);
            o.writeLength(3);
            o.writeString(b("a"));
            o.writeStringDouble(1.5);
            o.writeString(b("b"));
            o.writeStringDouble(Double.NEGATIVE_INFINITY);
            o.writeString(b("c"));
            o.writeStringDouble(0.1);
        });
        assertThat(((SortedSetValue) zset).members()).extracting(RdbValue.ScoredMember::score)
                .containsExactly(1.5, Double.NEGATIVE_INFINITY, 0.1);
    }

    @Test
    void readsZiplistEncodings() throws Exception {
        byte[] zl = ZiplistReaderTest.build(List.of("a", 1L, "bb", 70000L));
        assertThat(ValueText.ordered(read(o -> {
            o.writeType(RdbType.LIST_ZIPLIST);
            o.writeString(zl);
        }))).isEqualTo("list:61,31,6262,3730303030");
        assertThat(ValueText.ordered(read(o -> {
            o.writeType(RdbType.HASH_ZIPLIST);
            o.writeString(zl);
        }))).isEqualTo("hash:61=31,6262=3730303030");
        byte[] zsetZl = ZiplistReaderTest.build(List.of("a", 1L, "b", "2.5", "c", "inf"));
        RdbValue zset = read(o -> {
            o.writeType(RdbType.ZSET_ZIPLIST);
            o.writeString(zsetZl);
        });
        assertThat(((SortedSetValue) zset).members()).extracting(RdbValue.ScoredMember::score)
                .containsExactly(1.0, 2.5, Double.POSITIVE_INFINITY);
    }

    @Test
    void readsQuicklistOfZiplistsSkippingEmptyNodes() throws Exception {
        RdbValue v = read(o -> {
            o.writeType(RdbType.LIST_QUICKLIST);
            o.writeLength(3);
            o.writeString(ZiplistReaderTest.build(List.of("a", "b")));
            o.writeString(ZiplistReaderTest.build(List.of()));
            o.writeString(ZiplistReaderTest.build(List.of(3L)));
        });
        assertThat(ValueText.ordered(v)).isEqualTo("list:61,62,33");
    }

    @Test
    void readsQuicklist2PlainNodes() throws Exception {
        RdbValue v = read(o -> {
            o.writeType(RdbType.LIST_QUICKLIST_2);
            o.writeLength(2);
            o.writeLength(RdbType.QUICKLIST_NODE_PLAIN);
            o.writeString(b("big element"));
            o.writeLength(RdbType.QUICKLIST_NODE_PACKED);
            o.writeString(new ListpackWriter().append(b("x")).toByteArray());
        });
        assertThat(ValueText.ordered(v)).isEqualTo("list:62696720656c656d656e74,78");
        assertRefused(o -> {
            o.writeType(RdbType.LIST_QUICKLIST_2);
            o.writeLength(1);
            o.writeLength(3);
            o.writeString(b("x"));
        }, "unknown container 3");
    }

    @Test
    void readsZipmapHashes() throws Exception {
        byte[] zm = "\u0001\u0001f\u0001\u0000v\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        RdbValue v = read(o -> {
            o.writeType(RdbType.HASH_ZIPMAP);
            o.writeString(zm);
        });
        assertThat(((HashValue) v).entries()).hasSize(1);
        assertThat(ValueText.ordered(v)).isEqualTo("hash:66=76");
    }

    @Test
    void refusesEmptyValues() {
        assertRefused(o -> {
            o.writeType(RdbType.LIST);
            o.writeLength(0);
        }, "empty keys are not allowed");
        assertRefused(o -> {
            o.writeType(RdbType.HASH_LISTPACK);
            o.writeString(new ListpackWriter().toByteArray());
        }, "empty keys are not allowed");
        assertRefused(o -> {
            o.writeType(RdbType.LIST_QUICKLIST_2);
            o.writeLength(1);
            o.writeLength(RdbType.QUICKLIST_NODE_PACKED);
            o.writeString(new ListpackWriter().toByteArray());
        }, "empty keys are not allowed");
    }

    @Test
    void refusesDuplicatesAndNan() {
        assertRefused(o -> {
            o.writeType(RdbType.SET);
            o.writeLength(2);
            o.writeString(b("a"));
            o.writeString(b("a"));
        }, "Duplicate set members");
        assertRefused(o -> {
            o.writeType(RdbType.HASH_LISTPACK);
            o.writeString(new ListpackWriter().append(b("f")).append(b("1")).append(b("f")).append(b("2")).toByteArray());
        }, "Duplicate hash fields");
        assertRefused(o -> {
            o.writeType(RdbType.ZSET_2);
            o.writeLength(2);
            o.writeString(b("m"));
            o.writeBinaryDouble(1);
            o.writeString(b("m"));
            o.writeBinaryDouble(2);
        }, "Duplicate zset fields");
        assertRefused(o -> {
            o.writeType(RdbType.ZSET_2);
            o.writeLength(1);
            o.writeString(b("m"));
            o.writeBinaryDouble(Double.NaN);
        }, "NAN score");
        assertRefused(o -> {
            o.writeType(RdbType.ZSET_LISTPACK);
            o.writeString(new ListpackWriter().append(b("m")).append(b("abc")).toByteArray());
        }, "not a number");
        assertRefused(o -> {
            o.writeType(RdbType.ZSET_LISTPACK);
            o.writeString(new ListpackWriter().append(b("m")).toByteArray());
        }, "odd number");
    }

    @Test
    void refusesModules72TypesAndUnknownTypes() {
        for (int type : new int[] {RdbType.STREAM_LISTPACKS, RdbType.STREAM_LISTPACKS_2}) {
            assertRefused(o -> o.writeType(type), "Truncated RDB data"); // read, see RdbStreamCodecTest
        }
        for (int type : new int[] {RdbType.MODULE_PRE_GA, RdbType.MODULE_2}) {
            assertRefused(o -> o.writeType(type), "Unsupported RDB type " + type + " (module");
        }
        assertRefused(o -> o.writeType(RdbType.SET_LISTPACK), "Unsupported RDB type 20 (a Redis 7.2 encoding)");
        assertRefused(o -> o.writeType(RdbType.STREAM_LISTPACKS_3), "Unsupported RDB type 21 (a Redis 7.2 encoding)");
        assertRefused(o -> o.writeType(8), "Unknown RDB type 8");
        assertRefused(o -> o.writeType(RdbType.OPCODE_EOF), "Unknown RDB type 255");
    }
}
