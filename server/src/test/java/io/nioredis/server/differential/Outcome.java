package io.nioredis.server.differential;

/**
 * What one server answered to one step, reduced to what the step's {@link Match} compares: two outcomes
 * agree when their {@code comparable} values are equal. {@code shown} is the reply for reports.
 */
final class Outcome {
    /** Integers closer than this agree in a {@link #near} outcome. */
    static final long TOLERANCE = 1000;

    final String comparable;
    final String shown;
    /** True if {@code value} is compared within {@link #TOLERANCE} instead of {@code comparable}. */
    private final boolean approximate;
    private final long value;

    Outcome(String comparable, String shown) {
        this(comparable, shown, false, 0);
    }

    private Outcome(String comparable, String shown, boolean approximate, long value) {
        this.comparable = comparable;
        this.shown = shown;
        this.approximate = approximate;
        this.value = value;
    }

    /** A time-dependent integer reply, which agrees with another within {@link #TOLERANCE}. */
    static Outcome near(long value, String shown) {
        return new Outcome("integer", shown, true, value);
    }

    boolean agrees(Outcome other) {
        if (approximate && other.approximate) {
            return Math.abs(value - other.value) <= TOLERANCE;
        }
        return comparable.equals(other.comparable);
    }
}
