package io.nioredis.aof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AofManifestTest {
    @Test
    void readsAndWritesRedisManifest() throws Exception {
        // As Redis 7.0.15 wrote it after one rewrite.
        String text = "file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n";
        AofManifest m = AofManifest.parse(text);
        assertThat(m.base().fileName()).isEqualTo("appendonly.aof.2.base.rdb");
        assertThat(m.incrs()).extracting(AofManifest.Entry::fileName).containsExactly("appendonly.aof.2.incr.aof");
        assertThat(m.format()).isEqualTo(text);
    }

    @Test
    void newFilesContinueTheSequencesAndOldOnesBecomeHistory() throws Exception {
        AofManifest m = AofManifest.parse("file appendonly.aof.2.base.rdb seq 2 type b\n"
                + "file appendonly.aof.5.incr.aof seq 5 type i\n");
        AofManifest.Entry incr = m.newIncr("appendonly.aof");
        assertThat(incr.fileName()).isEqualTo("appendonly.aof.6.incr.aof");
        m.newBase("appendonly.aof", true);
        m.retireIncrsBefore(incr);
        assertThat(m.format()).isEqualTo("file appendonly.aof.3.base.rdb seq 3 type b\n"
                + "file appendonly.aof.2.base.rdb seq 2 type h\n"
                + "file appendonly.aof.5.incr.aof seq 5 type h\n"
                + "file appendonly.aof.6.incr.aof seq 6 type i\n");
        m.clearHistory();
        assertThat(m.format()).isEqualTo("file appendonly.aof.3.base.rdb seq 3 type b\n"
                + "file appendonly.aof.6.incr.aof seq 6 type i\n");
    }

    @Test
    void firstFilesOfAnEmptyManifest() {
        AofManifest m = new AofManifest();
        assertThat(m.isEmpty()).isTrue();
        m.newBase("appendonly.aof", true);
        m.newIncr("appendonly.aof");
        assertThat(m.format()).isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\n");
    }

    @Test
    void acceptsKeysInAnyOrderCommentsAndHistory() throws Exception {
        AofManifest m = AofManifest.parse("# comment\ntype b seq 1 file a.1.base.aof\n"
                + "file a.1.incr.aof seq 1 type h\nfile a.2.incr.aof seq 2 type i\n");
        assertThat(m.base().fileName()).isEqualTo("a.1.base.aof");
        assertThat(m.history()).hasSize(1);
        assertThat(m.incrs()).hasSize(1);
    }

    @Test
    void refusesWhatRedisRefuses() {
        assertThatThrownBy(() -> AofManifest.parse("")).hasMessage("Found an empty AOF manifest");
        assertThatThrownBy(() -> AofManifest.parse("file x seq 1\n")).hasMessage("Invalid AOF manifest file format");
        assertThatThrownBy(() -> AofManifest.parse("file x seq 1 type z\n"))
                .hasMessage("Invalid AOF manifest file format");
        assertThatThrownBy(() -> AofManifest.parse("file x seq 1 type b\nfile y seq 2 type b\n"))
                .hasMessage("Found duplicate base file information");
        assertThatThrownBy(() -> AofManifest.parse("file x seq 2 type i\nfile y seq 1 type i\n"))
                .hasMessage("Found a non-monotonic sequence number");
    }
}
