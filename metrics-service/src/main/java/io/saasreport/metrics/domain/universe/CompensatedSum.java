package io.saasreport.metrics.domain.universe;

/**
 * A running sum with Neumaier (improved Kahan) compensation. Subtracting old values and adding new ones for ever
 * would let a plain double sum drift; here the rounding error of every step is carried in {@code compensation},
 * so the sum stays within about one rounding of the exact sum of the terms currently held (the residual error is
 * of order 1e-32 times the magnitude of all terms ever added, which never matters).
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    void add(double term) {
        double total = sum + term;
        if (Math.abs(sum) >= Math.abs(term)) {
            compensation += (sum - total) + term;
        } else {
            compensation += (term - total) + sum;
        }
        sum = total;
    }

    void subtract(double term) {
        add(-term);
    }

    double value() {
        return sum + compensation;
    }

    void reset() {
        sum = 0;
        compensation = 0;
    }
}
