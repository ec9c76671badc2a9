package io.saasreport.metrics.domain.universe;

/**
 * Ordinary least squares of y on x from running sums (n, Σx, Σy, Σxy, Σx², Σy²), updated by removing a company's
 * old point and adding its new one. The sums are compensated ({@link CompensatedSum}) so they do not drift over
 * millions of updates (RegressionDriftTest checks 300,000 replacements with outliers against a fresh computation
 * to 1e-9), and they are reset to exact zeros whenever the set empties. Whether x or y vary at all is told by the
 * caller, who knows it exactly from ranked values, rather than guessed from a rounded difference of sums.
 */
final class RunningRegression {

    static final int MINIMUM_POINTS = 3;

    private int n;
    private final CompensatedSum sumX = new CompensatedSum();
    private final CompensatedSum sumY = new CompensatedSum();
    private final CompensatedSum sumXY = new CompensatedSum();
    private final CompensatedSum sumXX = new CompensatedSum();
    private final CompensatedSum sumYY = new CompensatedSum();

    void add(double x, double y) {
        n++;
        accumulate(x, y, 1);
    }

    void remove(double x, double y) {
        n--;
        if (n == 0) {
            for (CompensatedSum sum : new CompensatedSum[] {sumX, sumY, sumXY, sumXX, sumYY}) {
                sum.reset();
            }
            return;
        }
        accumulate(x, y, -1);
    }

    private void accumulate(double x, double y, int sign) {
        sumX.add(sign * x);
        sumY.add(sign * y);
        sumXY.add(sign * (x * y));
        sumXX.add(sign * (x * x));
        sumYY.add(sign * (y * y));
    }

    /**
     * Null below three points or when every x is the same. {@code r2} is null when every y is the same (there is
     * no variance to explain).
     */
    UniverseSnapshot.Regression result(boolean xVaries, boolean yVaries) {
        if (n < MINIMUM_POINTS || !xVaries) {
            return null;
        }
        double sx = sumX.value();
        double sy = sumY.value();
        // Centred second moments: Sxx = Σx² − (Σx)²/n, and likewise.
        double sxx = sumXX.value() - sx * sx / n;
        double sxy = sumXY.value() - sx * sy / n;
        double syy = sumYY.value() - sy * sy / n;
        if (!(sxx > 0)) {
            // The x differ only in their last bits: no meaningful slope.
            return null;
        }
        double slope = sxy / sxx;
        double intercept = (sy - slope * sx) / n;
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            return null;
        }
        Double r2 = null;
        if (yVaries && syy > 0) {
            double fit = sxy * sxy / (sxx * syy);
            // Rounding may push a perfect fit a hair above 1.
            r2 = Double.isFinite(fit) ? Math.min(1.0, fit) : null;
        }
        return new UniverseSnapshot.Regression(n, slope, intercept, r2);
    }
}
