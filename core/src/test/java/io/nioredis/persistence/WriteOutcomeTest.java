package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WriteOutcomeTest {
    @Test
    void unknownUntilSetThenTheFirstOutcomeStands() {
        WriteOutcome outcome = new WriteOutcome();
        assertThat(outcome.isDone()).isFalse();
        assertThat(outcome.failureNow()).isNull();

        outcome.complete("Write error saving DB on disk: No space left on device");
        outcome.complete(null); // a later outcome (the writer's finally) does not replace it

        assertThat(outcome.isDone()).isTrue();
        assertThat(outcome.failureNow()).isEqualTo("Write error saving DB on disk: No space left on device");
        assertThat(outcome.await()).isEqualTo("Write error saving DB on disk: No space left on device");
    }

    @Test
    void awaitWaitsForTheWriterThreadThroughInterruptsAndKeepsTheInterrupt() throws InterruptedException {
        WriteOutcome outcome = new WriteOutcome();
        AtomicReference<String> seen = new AtomicReference<>("not yet");
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            seen.set(outcome.await());
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        waiter.interrupt();
        Thread.sleep(50);
        assertThat(seen.get()).isEqualTo("not yet");

        outcome.complete(null);
        waiter.join(10_000);

        assertThat(seen.get()).isNull();
        assertThat(stillInterrupted.get()).isTrue();
    }
}
