package io.saasreport.ingest.importer.sec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One reported value of a concept: over {@code start..end} (a flow) or at {@code end} (a balance, no start),
 * as filed on {@code filed}. The same period repeats in later filings as a comparative.
 */
record SecFact(LocalDate start, LocalDate end, BigDecimal value, LocalDate filed) {

    boolean isDuration() {
        return start != null;
    }

    /** Inclusive length in days: a calendar quarter is about 91, a year 365 or 366. */
    long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Of two reports of the same thing, the later filing wins (restatements and comparatives). */
    static SecFact latestFiled(SecFact a, SecFact b) {
        return b.filed.isAfter(a.filed) ? b : a;
    }
}
