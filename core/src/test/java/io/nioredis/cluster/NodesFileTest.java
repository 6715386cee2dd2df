package io.nioredis.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodesFileTest {
    static final String A = "9e6b9687f6843ff3d5a5365251fef8dda81cda35";
    static final String B = "c044617aaa99829b86f56883086e586c9f741fb1";
    static final String C = "c57d9e776a4087b29b9ca7e3f227909f5f7eab6f";
    static final String R = "d111111111111111111111111111111111111111";

    /** A file redis-server 7.0 wrote for a three-master cluster (redis-cli --cluster create). */
    static final String REDIS_WRITTEN = ""
            + B + " 127.0.0.1:7112@17112 master - 0 1796037358916 2 connected 5461-10922\n"
            + A + " 127.0.0.1:7111@17111 myself,master - 0 0 1 connected 0-5460\n"
            + C + " 127.0.0.1:7113@17113 master - 0 1796037359523 3 connected 10923-16383\n"
            + "vars currentEpoch 3 lastVoteEpoch 0\n";

    @Test
    void readsWhatRedisWritesAndWritesItBackUnchanged() throws Exception {
        ClusterState state = NodesFile.parse(REDIS_WRITTEN, true);
        assertThat(state.myself().id).isEqualTo(A);
        assertThat(state.owner(0).id).isEqualTo(A);
        assertThat(state.owner(5460).id).isEqualTo(A);
        assertThat(state.owner(5461).id).isEqualTo(B);
        assertThat(state.owner(16383).id).isEqualTo(C);
        assertThat(state.assignedSlots()).isEqualTo(16384);
        assertThat(state.ok()).isTrue();
        assertThat(state.size()).isEqualTo(3);
        assertThat(state.currentEpoch).isEqualTo(3);
        assertThat(state.node(B).port).isEqualTo(7112);
        assertThat(state.node(B).busPort).isEqualTo(17112);
        assertThat(NodesFile.format(state)).isEqualTo(REDIS_WRITTEN);
    }

    @Test
    void replicasSingleSlotsAndOpenSlots() throws Exception {
        String text = A + " 127.0.0.1:7111@17111 myself,master - 0 0 1 connected 0-100 200 300 [300->-" + B + "]\n"
                + B + " 127.0.0.1:7112@17112 master - 0 0 2 connected 101-199 201-299 301-16383\n"
                + R + " 127.0.0.1:7114@17114,replica-host slave " + B + " 0 0 2 connected\n"
                + "vars currentEpoch 2 lastVoteEpoch 0\n";
        ClusterState state = NodesFile.parse(text, true);
        assertThat(state.owner(200).id).isEqualTo(A);
        assertThat(state.owner(300).id).isEqualTo(A);
        assertThat(state.assignedSlots()).isEqualTo(16384);
        assertThat(state.migratingTo(300).id).isEqualTo(B);
        ClusterNode replica = state.node(R);
        assertThat(replica.master).isFalse();
        assertThat(state.masterOf(replica).id).isEqualTo(B);
        assertThat(replica.hostname).isEqualTo("replica-host");
        assertThat(state.replicasOf(state.node(B))).containsExactly(replica);
        assertThat(NodesFile.describe(state)).contains(R + " 127.0.0.1:7114@17114,replica-host slave " + B
                + " 0 0 2 connected\n");
    }

    @Test
    void importingSlotsAndMissingCoverage() throws Exception {
        String text = A + " 127.0.0.1:7111@17111 myself,master - 0 0 1 connected 0-100 [150-<-" + B + "]\n"
                + B + " 127.0.0.1:7112@17112 master - 0 0 2 connected 101-200\n";
        ClusterState state = NodesFile.parse(text, true);
        assertThat(state.importingFrom(150).id).isEqualTo(B);
        assertThat(state.assignedSlots()).isEqualTo(201);
        assertThat(state.ok()).isFalse();
        state.requireFullCoverage(false);
        assertThat(state.ok()).isTrue();
        assertThat(NodesFile.describe(state)).startsWith(A + " 127.0.0.1:7111@17111 myself,master - 0 0 1 connected "
                + "0-100 [150-<-" + B + "]\n");
    }

    @Test
    void oldAddressFormWithoutBusPort() throws Exception {
        ClusterState state = NodesFile.parse(A + " 10.0.0.1:6379 myself,master - 0 0 0 connected 0-16383\n", true);
        assertThat(state.myself().busPort).isEqualTo(16379);
        assertThat(state.myself().ip).isEqualTo("10.0.0.1");
    }

    @Test
    void refusesWhatRedisWouldNotLoad() {
        assertThatThrownBy(() -> NodesFile.parse(A + " 127.0.0.1:7111@17111 master - 0 0 1 connected 0-5\n", true))
                .isInstanceOf(NodesFile.Invalid.class).hasMessageContaining("myself");
        assertThatThrownBy(() -> NodesFile.parse(A + " 127.0.0.1:7111@17111 myself,master - 0 0 1 connected 0-16384\n",
                true)).isInstanceOf(NodesFile.Invalid.class).hasMessageContaining("16384");
        assertThatThrownBy(() -> NodesFile.parse(A + " 127.0.0.1:7111@17111 myself,slave " + B
                + " 0 0 1 connected\n", true)).isInstanceOf(NodesFile.Invalid.class).hasMessageContaining(B);
        assertThatThrownBy(() -> NodesFile.parse("abc 127.0.0.1:7111@17111 myself,master - 0 0 1 connected\n", true))
                .isInstanceOf(NodesFile.Invalid.class);
        assertThatThrownBy(() -> NodesFile.parse(A + " 127.0.0.1:7111@17111 myself,master - 0 0\n", true))
                .isInstanceOf(NodesFile.Invalid.class);
    }

    @Test
    void flagsInRedisOrder() throws Exception {
        ClusterState state = NodesFile.parse(A + " 127.0.0.1:1@2 nofailover,myself,master - 0 0 1 connected\n", false);
        assertThat(NodesFile.flags(state.myself())).isEqualTo("myself,master,nofailover");
    }
}
