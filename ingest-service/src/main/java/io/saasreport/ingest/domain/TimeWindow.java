package io.saasreport.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.saasreport.contracts.EventError;

/**
 * When the times of an event may lie, as seen at {@code now}: not before {@code earliest}, not after now plus
 * {@code futureTolerance} (clock skew; a close stamped at 16:00 New York later today). A price dated 2099 would
 * otherwise stay the company's latest price forever and hide every real one after it.
 */
public record TimeWindow(Instant earliest, Instant now, Duration futureTolerance) {

    /** A fiscal year's end (an estimate's {@code fy1End}) lies ahead of the estimate, at most this far. */
    public static final Period FISCAL_YEAR_END_HORIZON = Period.ofYears(2);

    public static TimeWindow of(LocalDate earliestDay, Duration futureTolerance, Instant now) {
        return new TimeWindow(earliestDay.atStartOfDay(ZoneOffset.UTC).toInstant(), now, futureTolerance);
    }

    public Instant latest() {
        return now.plus(futureTolerance);
    }

    public Optional<String> check(Instant instant) {
        return check(instant, latest(), "now + " + futureTolerance.toString().substring(2).toLowerCase());
    }

    /** A day is checked by its first instant (UTC). */
    public Optional<String> check(LocalDate day) {
        return check(startOf(day));
    }

    /** Every time of {@code event} out of the window, named by field. */
    public List<EventError> check(IngestEvent event, Position at) {
        List<EventError> errors = new ArrayList<>();
        if (event instanceof PriceEvent price) {
            check(price.at()).ifPresent(message -> errors.add(at.error("at", message)));
        } else if (event instanceof FilingEvent filing) {
            check(filing.periodEnd()).ifPresent(message -> errors.add(at.error("periodEnd", message)));
            check(filing.filedAt()).ifPresent(message -> errors.add(at.error("filedAt", message)));
        } else if (event instanceof EstimateEvent estimate) {
            check(estimate.asOf()).ifPresent(message -> errors.add(at.error("asOf", message)));
            if (estimate.fy1End() != null) {
                Instant horizon = now.atOffset(ZoneOffset.UTC).plus(FISCAL_YEAR_END_HORIZON).toInstant();
                check(startOf(estimate.fy1End()), horizon, "now + " + FISCAL_YEAR_END_HORIZON.getYears() + " years")
                        .ifPresent(message -> errors.add(at.error("fy1End", message)));
            }
        } else if (event instanceof MacroEvent macro) {
            check(macro.asOf()).ifPresent(message -> errors.add(at.error("asOf", message)));
        }
        return errors;
    }

    private Optional<String> check(Instant instant, Instant latest, String latestMeaning) {
        if (instant.isBefore(earliest)) {
            return Optional.of("must not be before " + earliest + " (the earliest time taken), was " + instant);
        }
        if (instant.isAfter(latest)) {
            return Optional.of("must not be after " + latest + " (" + latestMeaning + "), was " + instant);
        }
        return Optional.empty();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
