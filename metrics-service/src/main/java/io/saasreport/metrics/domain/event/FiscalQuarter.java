package io.saasreport.metrics.domain.event;

import java.util.Comparator;

/** A fiscal quarter {@code (year, quarter)}; the quarter before {@code (y, 1)} is {@code (y - 1, 4)}. */
public record FiscalQuarter(int year, int quarter) implements Comparable<FiscalQuarter> {

    private static final Comparator<FiscalQuarter> CHRONOLOGICAL =
            Comparator.comparingInt(FiscalQuarter::year).thenComparingInt(FiscalQuarter::quarter);

    public FiscalQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
    }

    public FiscalQuarter previous() {
        return quarter == 1 ? new FiscalQuarter(year - 1, 4) : new FiscalQuarter(year, quarter - 1);
    }

    /** As reports name it: {@code FY2026 Q1}. */
    public String label() {
        return "FY" + year + " Q" + quarter;
    }

    @Override
    public int compareTo(FiscalQuarter other) {
        return CHRONOLOGICAL.compare(this, other);
    }
}
