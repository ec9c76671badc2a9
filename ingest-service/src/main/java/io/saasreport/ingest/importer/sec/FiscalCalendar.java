package io.saasreport.ingest.importer.sec;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A company's fiscal calendar, inferred from the periods it reports rather than from the filings' fy/fp
 * (which describe the filing, not the fact). The fiscal year ends on the month-day most full-year
 * periods end on; fiscal years are named by the calendar year they end in.
 */
final class FiscalCalendar {

    /** 52/53-week years end on a weekday near the usual date: this much either side still counts. */
    static final int TOLERANCE_DAYS = 7;
    private static final double DAYS_PER_QUARTER = 365.25 / 4;
    private static final MonthDay CALENDAR_YEAR_END = MonthDay.of(12, 31);

    private final MonthDay yearEnd;

    FiscalCalendar(MonthDay yearEnd) {
        this.yearEnd = yearEnd;
    }

    /** From the full-year periods (350 to 380 days) of the document; a document with none is read as calendar years. */
    static FiscalCalendar infer(CompanyFacts facts) {
        Map<MonthDay, Long> endings = facts.allDurations(CompanyFacts.US_GAAP).stream()
                .filter(fact -> fact.days() >= 350 && fact.days() <= 380)
                .map(fact -> MonthDay.from(fact.end()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        MonthDay usual = endings.entrySet().stream()
                .max(Map.Entry.<MonthDay, Long> comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(CALENDAR_YEAR_END);
        return new FiscalCalendar(usual);
    }

    LocalDate endOfYear(int fiscalYear) {
        return yearEnd.atYear(fiscalYear);
    }

    LocalDate startOfYear(int fiscalYear) {
        return endOfYear(fiscalYear - 1).plusDays(1);
    }

    int fiscalYearOf(LocalDate day) {
        int year = day.getYear();
        if (!day.isAfter(endOfYear(year - 1).plusDays(TOLERANCE_DAYS))) {
            return year - 1;
        }
        return day.isAfter(endOfYear(year).plusDays(TOLERANCE_DAYS)) ? year + 1 : year;
    }

    /** The fiscal quarter a period ending on {@code end} closes. */
    FiscalQuarter quarterEndingOn(LocalDate end) {
        int fiscalYear = fiscalYearOf(end);
        long days = ChronoUnit.DAYS.between(endOfYear(fiscalYear - 1), end);
        int quarter = (int) Math.round(days / DAYS_PER_QUARTER);
        return new FiscalQuarter(fiscalYear, Math.max(1, Math.min(4, quarter)));
    }

    /** How many quarters a duration spans: 1 for three months, 3 for nine, 4 for a year. */
    static int quartersSpanned(SecFact fact) {
        return (int) Math.round(fact.days() / DAYS_PER_QUARTER);
    }

    boolean startsFiscalYear(SecFact fact, int fiscalYear) {
        return Math.abs(ChronoUnit.DAYS.between(startOfYear(fiscalYear), fact.start())) <= TOLERANCE_DAYS;
    }
}
