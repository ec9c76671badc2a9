package io.saasreport.metrics.domain.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Consensus for the next twelve months, given either directly ({@code ntmRevenue}, {@code ntmFcf}) or as
 * fiscal-year figures with the current fiscal year's end {@code fy1End}, blended by
 * {@link CompanyMetricsCalculator}. {@code eventId} is the input record's id (its CloudEvents {@code ce_id}), null
 * when the record had none.
 */
public record EstimateEvent(
        String ticker,
        Instant asOf,
        Double ntmRevenue,
        Double ntmFcf,
        Double fy1Revenue,
        Double fy2Revenue,
        LocalDate fy1End,
        Double fy1Fcf,
        Double fy2Fcf,
        String eventId) implements CompanyScopedEvent {

    public EstimateEvent {
        EventValidation.requireTicker(ticker);
        EventValidation.require(asOf, "asOf");
        EventValidation.requireFiniteIfPresent(ntmRevenue, "ntmRevenue");
        EventValidation.requireFiniteIfPresent(ntmFcf, "ntmFcf");
        EventValidation.requireFiniteIfPresent(fy1Revenue, "fy1Revenue");
        EventValidation.requireFiniteIfPresent(fy2Revenue, "fy2Revenue");
        EventValidation.requireFiniteIfPresent(fy1Fcf, "fy1Fcf");
        EventValidation.requireFiniteIfPresent(fy2Fcf, "fy2Fcf");
    }

    /** An estimate without an input event id (built in code rather than read from a record). */
    public EstimateEvent(String ticker, Instant asOf, Double ntmRevenue, Double ntmFcf, Double fy1Revenue,
            Double fy2Revenue, LocalDate fy1End, Double fy1Fcf, Double fy2Fcf) {
        this(ticker, asOf, ntmRevenue, ntmFcf, fy1Revenue, fy2Revenue, fy1End, fy1Fcf, fy2Fcf, null);
    }

    /** An estimate given directly as NTM figures. */
    public static EstimateEvent ntm(String ticker, Instant asOf, Double ntmRevenue, Double ntmFcf) {
        return new EstimateEvent(ticker, asOf, ntmRevenue, ntmFcf, null, null, null, null, null);
    }

    @Override
    public EstimateEvent withEventId(String id) {
        return new EstimateEvent(ticker, asOf, ntmRevenue, ntmFcf, fy1Revenue, fy2Revenue, fy1End, fy1Fcf, fy2Fcf, id);
    }
}
