package io.saasreport.metrics.domain.universe;

/**
 * When a move is worth an alert: a company's EV / NTM revenue, or a universe's median EV / NTM revenue, moving
 * by more than this share (0.10 = 10 %) of where the day started.
 */
public record AlertThresholds(double companyMultipleMove, double medianMove) {

    public AlertThresholds {
        if (!(companyMultipleMove > 0) || !(medianMove > 0)) {
            throw new IllegalArgumentException("alert thresholds must be positive shares, were " + companyMultipleMove
                    + " and " + medianMove);
        }
    }
}
