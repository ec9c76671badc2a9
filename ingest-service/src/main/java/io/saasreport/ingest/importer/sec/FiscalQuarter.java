package io.saasreport.ingest.importer.sec;

import java.util.Comparator;

/** A fiscal quarter, named by the calendar year its fiscal year ends in (Snowflake's FY2025 ends 2025-01-31). */
record FiscalQuarter(int year, int quarter) implements Comparable<FiscalQuarter> {

    private static final Comparator<FiscalQuarter> ORDER = Comparator.comparingInt(FiscalQuarter::year)
            .thenComparingInt(FiscalQuarter::quarter);

    FiscalQuarter previousInYear() {
        return new FiscalQuarter(year, quarter - 1);
    }

    @Override
    public int compareTo(FiscalQuarter other) {
        return ORDER.compare(this, other);
    }
}
