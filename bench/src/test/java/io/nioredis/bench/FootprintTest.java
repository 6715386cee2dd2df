package io.nioredis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintTest {
    private static Footprint.Row row(String name, long medianMicros, long idleKb) {
        return new Footprint.Row(name, new long[] {medianMicros}, idleKb, -1, 0);
    }

    @Test
    void comparesTheLauncherWithTheFloorOfTheSameJdkAndJdk25WithJdk17() {
        String text = Footprint.againstTheFloor(List.of(
                row("launcher+CDS", 300_000, 40 * 1024),
                row("floor+CDS", 200_000, 34 * 1024),
                row("launcher+AOT, JDK 25", 150_000, 42 * 1024),
                row("floor+AOT, JDK 25", 120_000, 39 * 1024)));
        assertThat(text)
                .contains("JDK 17, both with their own CDS archive: first PONG 1.50x the floor's (aim <= 1.25x),"
                        + " idle RSS +6.0 MB over the floor's (aim <= +4 MB)")
                .contains("JDK 25, both with their own AOT cache: first PONG 1.25x the floor's (aim <= 1.25x),"
                        + " idle RSS +3.0 MB")
                .contains("JDK 25 with the AOT cache against JDK 17 with CDS: 0.50x (aim <= 0.6x)")
                .doesNotContain("default archive only");
    }

    @Test
    void saysNothingWithoutAFloorRow() {
        assertThat(Footprint.againstTheFloor(List.of(row("launcher+CDS", 300_000, 40 * 1024)))).isEmpty();
    }
}
