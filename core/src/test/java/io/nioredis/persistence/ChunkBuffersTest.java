package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Chunk buffers are kept from one background snapshot to the next instead of made anew for each. */
class ChunkBuffersTest {
    @Test
    void aBufferGivenBackIsTakenAgainAndAtMostADozenAreKept() {
        ChunkBuffers chunks = new ChunkBuffers();
        Set<byte[]> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < ChunkBuffers.KEPT + 3; i++) {
            byte[] b = chunks.take();
            assertThat(b).hasSize(ChunkBuffers.CAPACITY);
            taken.add(b);
        }
        assertThat(taken).hasSize(ChunkBuffers.KEPT + 3);
        assertThat(chunks.made()).isEqualTo(ChunkBuffers.KEPT + 3);
        taken.forEach(chunks::give);
        assertThat(chunks.kept()).isEqualTo(ChunkBuffers.KEPT);
        for (int i = 0; i < ChunkBuffers.KEPT; i++) {
            assertThat(taken).contains(chunks.take());
        }
        assertThat(chunks.made()).isEqualTo(ChunkBuffers.KEPT + 3);
        assertThat(chunks.kept()).isZero();
    }

    @Test
    void aBufferOfAnotherSizeIsNotKept() {
        ChunkBuffers chunks = new ChunkBuffers();
        chunks.give(new byte[ChunkBuffers.CAPACITY * 2]); // an output that grew past a chunk
        chunks.give(new byte[0]);
        assertThat(chunks.kept()).isZero();
    }

    /**
     * Saves one after the other make no more buffers than one save has in flight at most (the walk's, the
     * queued ones, the writer's and its compressed output's): each save finds the ones the last gave back.
     */
    @Test
    void savesOneAfterTheOtherMakeNoMoreBuffersThanOneSaveHoldsAtOnce() {
        CommandHarness h = new CommandHarness();
        for (int i = 0; i < 40_000; i++) {
            h.run("SET", "key:" + i, "value-" + i); // about 1 MB of RDB: many chunks
        }
        ChunkBuffers chunks = h.state.persistence.chunkBuffers();
        for (int save = 1; save <= 20; save++) {
            h.run("SET", "key:" + save, "changed");
            assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
            walkAsTheLoopDoes(h);
            assertThat(chunks.made()).as("buffers made after %d saves", save).isLessThanOrEqualTo(ChunkBuffers.KEPT);
            assertThat(chunks.kept()).isEqualTo(chunks.made()); // every one given back
            assertThat(chunks.lzfMade()).as("LZF tables made after %d saves", save).isEqualTo(1);
        }
        assertThat(h.run("INFO", "persistence")).contains("rdb_last_bgsave_status:ok", "rdb_saves:20");
    }

    /** Slices as the loop runs them, each stopping while the writer is behind, until the save is over. */
    private static void walkAsTheLoopDoes(CommandHarness h) {
        Persistence persistence = h.state.persistence;
        while (persistence.snapshotSerializing()) {
            persistence.snapshotSlice();
            Thread.onSpinWait();
        }
        persistence.awaitBackgroundSave();
    }
}
