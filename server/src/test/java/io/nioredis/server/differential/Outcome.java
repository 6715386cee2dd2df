package io.nioredis.server.differential;

/**
 * What one server answered to one step, reduced to what the step's {@link Match} compares: two outcomes
 * agree when their {@code comparable} values are equal. {@code shown} is the reply for reports.
 */
final class Outcome {
    final String comparable;
    final String shown;

    Outcome(String comparable, String shown) {
        this.comparable = comparable;
        this.shown = shown;
    }

    boolean agrees(Outcome other) {
        return comparable.equals(other.comparable);
    }
}
