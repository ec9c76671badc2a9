package io.saasreport.metrics.domain.company;

/**
 * Arithmetic over nullable figures: a missing input gives a missing result, and a result that is not a finite
 * number (division by zero, overflow) is missing too, never NaN or infinite.
 */
final class NullableMath {

    private NullableMath() {
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static Double plus(Double a, Double b) {
        return a == null || b == null ? null : finite(a + b);
    }

    static Double minus(Double a, Double b) {
        return a == null || b == null ? null : finite(a - b);
    }

    static Double times(Double a, Double b) {
        return a == null || b == null ? null : finite(a * b);
    }

    /** {@code a / b}; missing when {@code b} is zero. */
    static Double divide(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : finite(a / b);
    }

    /** {@code a / b - 1}, the growth of {@code a} over the base {@code b}. */
    static Double growth(Double a, Double b) {
        Double ratio = divide(a, b);
        return ratio == null ? null : finite(ratio - 1);
    }

    static boolean isPositive(Double value) {
        return value != null && value > 0;
    }

    static Double orZero(Double value) {
        return value == null ? 0.0 : value;
    }
}
