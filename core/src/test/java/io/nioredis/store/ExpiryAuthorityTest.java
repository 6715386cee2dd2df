package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A replica leaves expired keys to its master's DELs, as Redis 7.0's expireIfNeeded. */
class ExpiryAuthorityTest {
    private final ManualClock clock = new ManualClock(1000);
    private final Databases databases = new Databases(1, clock, new SipHash(1, 2));
    private final Keyspace keyspace = databases.get(0);
    private final ExpiryAuthority expiry = databases.expiry();
    private final byte[] k = "a".getBytes(StandardCharsets.US_ASCII);

    private int expiredKey() {
        int slot = keyspace.addString(k, 0, k.length, k, 0, 0, StringEntry.BY_VALUE);
        keyspace.setDeadline(slot, 1500);
        clock.set(1500);
        return slot;
    }

    @Test
    void aReplicaHidesAnExpiredKeyFromItsClientsButKeepsIt() {
        int slot = expiredKey();
        expiry.replica(true);
        assertThat(keyspace.lookup(k, 0, 1)).isEqualTo(-1);
        assertThat(keyspace.peek(k, 0, 1)).isEqualTo(slot);
        assertThat(databases.stats().expiredKeys).isZero();
    }

    @Test
    void theMastersCommandsStillSeeIt() {
        int slot = expiredKey();
        expiry.replica(true);
        int before = expiry.enter(true, false);
        assertThat(keyspace.lookup(k, 0, 1)).isEqualTo(slot);
        int nested = expiry.enter(false, false); // a command the master's EXEC or script runs is the master's
        assertThat(keyspace.lookup(k, 0, 1)).isEqualTo(slot);
        expiry.restore(nested);
        expiry.restore(before);
        assertThat(keyspace.lookup(k, 0, 1)).isEqualTo(-1);
    }

    @Test
    void aWriteOnAWritableReplicaDeletesIt() {
        expiredKey();
        expiry.replica(true);
        int before = expiry.enter(false, true);
        assertThat(keyspace.lookup(k, 0, 1)).isEqualTo(-1);
        expiry.restore(before);
        assertThat(keyspace.peek(k, 0, 1)).isEqualTo(-1);
        assertThat(databases.stats().expiredKeys).isEqualTo(1);
    }

    @Test
    void aMasterDeletesItAtOnce() {
        expiredKey();
        assertThat(keyspace.lookup(k, 0, 1)).isEqualTo(-1);
        assertThat(keyspace.size()).isZero();
    }
}
