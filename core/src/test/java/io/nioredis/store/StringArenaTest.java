package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StringArenaTest {
    private final StringArena arena = new StringArena();

    @Test
    void chunksAreCutOneAfterAnotherInMultiplesOfEight() {
        byte[] page = arena.allocate(21);
        int first = arena.allocatedBase();
        assertThat(arena.allocate(3)).isSameAs(page);
        int second = arena.allocatedBase();
        assertThat(second - first).isEqualTo(24);
        assertThat(first % 8).isZero();
        assertThat(first).isGreaterThan(0); // the page's header comes first
    }

    @Test
    void aFreedChunkServesTheNextEntryOfItsSizeOnly() {
        byte[] page = arena.allocate(24);
        int base = arena.allocatedBase();
        arena.allocate(24);
        arena.free(page, base, 24);
        arena.allocate(30); // a 32-byte chunk: not the freed one
        assertThat(arena.allocatedBase()).isNotEqualTo(base);
        assertThat(arena.allocate(17)).isSameAs(page); // 24 bytes again
        assertThat(arena.allocatedBase()).isEqualTo(base);
    }

    @Test
    void aPageEndTooShortForTheNextChunkIsKeptForItsSize() {
        Set<Long> chunks = new HashSet<>();
        byte[] first = arena.allocate(StringArena.MAX_CHUNK);
        chunks.add((long) arena.allocatedBase());
        byte[] page = first;
        while (page == first) {
            page = arena.allocate(StringArena.MAX_CHUNK);
            assertThat(chunks.add((long) System.identityHashCode(page) << 32 | arena.allocatedBase()))
                    .as("every chunk is new").isTrue();
        }
        // The first page's end, shorter than MAX_CHUNK, is the free chunk of its own size.
        int end = StringArena.PAGE_BYTES - (StringArena.PAGE_BYTES - 8) / StringArena.MAX_CHUNK * StringArena.MAX_CHUNK
                - 8;
        assertThat(end).isPositive();
        assertThat(arena.allocate(end)).isSameAs(first);
        assertThat(arena.allocatedBase()).isEqualTo(StringArena.PAGE_BYTES - end);
    }

    @Test
    void refusesToFreeAnArrayThatIsNotOneOfItsPages() {
        arena.allocate(8);
        assertThatThrownBy(() -> arena.free(new byte[StringArena.PAGE_BYTES], 8, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entriesUpToTheLimitLiveInTheArenaAndLargerOnesDoNot() {
        assertThat(StringArena.holds(StringArena.MAX_CHUNK)).isTrue();
        assertThat(StringArena.holds(StringArena.MAX_CHUNK + 1)).isFalse();
        assertThat(StringArena.chunkSize(1)).isEqualTo(8);
        assertThat(StringArena.chunkSize(8)).isEqualTo(8);
        assertThat(StringArena.chunkSize(9)).isEqualTo(16);
    }
}
