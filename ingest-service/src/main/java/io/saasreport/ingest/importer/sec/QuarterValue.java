package io.saasreport.ingest.importer.sec;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A figure for one fiscal quarter (a flow over it, or a balance at its end), with the latest filing behind it. */
record QuarterValue(BigDecimal value, LocalDate periodEnd, LocalDate filed) {

    QuarterValue plus(QuarterValue other) {
        return new QuarterValue(value.add(other.value), periodEnd, later(filed, other.filed));
    }

    QuarterValue minus(QuarterValue other) {
        return new QuarterValue(value.subtract(other.value), periodEnd, later(filed, other.filed));
    }

    static QuarterValue of(SecFact fact) {
        return new QuarterValue(fact.value(), fact.end(), fact.filed());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
