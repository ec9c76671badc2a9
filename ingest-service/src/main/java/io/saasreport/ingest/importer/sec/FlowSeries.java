package io.saasreport.ingest.importer.sec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The quarterly values of one flow concept (revenue, expenses, cash flows). A quarter's value is its
 * three-month fact where one is reported; otherwise the difference of two year-to-date facts of the same
 * fiscal year: Q4 is the full year minus the first nine months, and cash-flow items, reported only
 * year-to-date, are differences for every quarter but the first.
 */
final class FlowSeries {

    private final Map<FiscalQuarter, SecFact> threeMonths = new HashMap<>();
    private final Map<FiscalQuarter, SecFact> yearToDate = new HashMap<>();

    FlowSeries(List<SecFact> facts, FiscalCalendar calendar) {
        for (SecFact fact : facts) {
            if (!fact.isDuration()) {
                continue;
            }
            FiscalQuarter quarter = calendar.quarterEndingOn(fact.end());
            int spanned = FiscalCalendar.quartersSpanned(fact);
            if (spanned == 1 && fact.days() >= 75 && fact.days() <= 105) {
                threeMonths.merge(quarter, fact, SecFact::latestFiled);
            }
            if (spanned == quarter.quarter() && calendar.startsFiscalYear(fact, quarter.year())) {
                yearToDate.merge(quarter, fact, SecFact::latestFiled);
            }
        }
    }

    Optional<QuarterValue> valueOf(FiscalQuarter quarter) {
        SecFact direct = threeMonths.get(quarter);
        if (direct != null) {
            return Optional.of(QuarterValue.of(direct));
        }
        SecFact toDate = yearToDate.get(quarter);
        SecFact toPrevious = quarter.quarter() > 1 ? yearToDate.get(quarter.previousInYear()) : null;
        if (toDate == null || toPrevious == null) {
            return Optional.empty();
        }
        return Optional.of(QuarterValue.of(toDate).minus(QuarterValue.of(toPrevious)));
    }

    /** The quarters this concept might give a value for. */
    Set<FiscalQuarter> quarters() {
        Set<FiscalQuarter> quarters = new TreeSet<>(threeMonths.keySet());
        quarters.addAll(yearToDate.keySet());
        return quarters;
    }
}
