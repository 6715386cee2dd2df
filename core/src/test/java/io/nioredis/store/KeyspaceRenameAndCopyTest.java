package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The keyspace operations RENAME and COPY are built on ({@link Keyspace#rename}, {@link Keyspace#copyTo}). */
class KeyspaceRenameAndCopyTest {
    private final ManualClock clock = new ManualClock();
    private final Keyspace keyspace = new Keyspace(new SipHash(1, 2), clock, new KeyspaceStats());

    @Test
    void renameMovesAStringWithItsDeadline() {
        int slot = keyspace.addString(bytes("a"), 0, 1, bytes("value"), 0, 5, StringEntry.BY_VALUE);
        keyspace.setDeadline(slot, clock.millis() + 100);
        long before = keyspace.memoryUsage();
        int moved = keyspace.rename(slot, bytes("longer-key"), 0, 10);
        assertThat(keyspace.lookup(bytes("a"), 0, 1)).isEqualTo(-1);
        assertThat(keyspace.lookup(bytes("longer-key"), 0, 10)).isEqualTo(moved);
        assertThat(entryBytes(moved)).isEqualTo(string("longer-key", "value"));
        assertThat(keyspace.deadline(moved)).isEqualTo(clock.millis() + 100);
        assertThat(keyspace.size()).isEqualTo(1);
        assertThat(keyspace.expiresCount()).isEqualTo(1);
        assertThat(keyspace.memoryUsage()).isGreaterThan(before);
    }

    @Test
    void renameReKeysAnAggregate() {
        Box box = new Box(bytes("a"));
        int slot = keyspace.add(box);
        int moved = keyspace.rename(slot, bytes("xbx"), 1, 1);
        assertThat(keyspace.entry(moved)).isSameAs(box);
        assertThat(box.key()).isEqualTo(bytes("b"));
        assertThat(keyspace.lookup(bytes("b"), 0, 1)).isEqualTo(moved);
        assertThat(keyspace.deadline(moved)).isEqualTo(-1);
    }

    @Test
    void copyEntryLeavesTheOriginalAlone() {
        int slot = keyspace.addString(bytes("a"), 0, 1, bytes("v"), 0, 1, StringEntry.BY_VALUE);
        int copied = keyspace.copyTo(slot, keyspace, bytes("b"), 0, 1);
        assertThat(entryBytes(copied)).isEqualTo(string("b", "v", StringEntry.COPIED)); // dupStringObject's
        assertThat(entryBytes(slot)).isEqualTo(string("a", "v", StringEntry.BY_VALUE));
        Box box = new Box(bytes("c"));
        Box boxCopy = (Box) keyspace.entry(keyspace.copyTo(keyspace.add(box), keyspace, bytes("d"), 0, 1));
        assertThat(boxCopy).isNotSameAs(box);
        assertThat(boxCopy.key()).isEqualTo(bytes("d"));
        assertThat(keyspace.size()).isEqualTo(4);
    }

    private static byte[] string(String key, String value) {
        return string(key, value, StringEntry.BY_VALUE);
    }

    private static byte[] string(String key, String value, int made) {
        byte[] k = bytes(key);
        byte[] v = bytes(value);
        return StringEntries.create(k, 0, k.length, v, 0, v.length, made);
    }

    /** The bytes of the string entry in a slot. */
    private byte[] entryBytes(int slot) {
        byte[] e = keyspace.stringArray(slot);
        int base = keyspace.stringBase(slot);
        return java.util.Arrays.copyOfRange(e, base, base + StringEntry.size(e, base));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final class Box extends KeyedValue {
        Box(byte[] key) {
            super(key);
        }

        @Override
        public String typeName() {
            return "box";
        }

        @Override
        public long memoryUsage() {
            return 48 + key().length;
        }

        @Override
        public KeyedValue copy(byte[] newKey) {
            return new Box(newKey);
        }
    }
}
