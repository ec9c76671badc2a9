package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Consensus for the next twelve months: {@code ntmRevenue} directly, or the fiscal-year pair
 * {@code fy1Revenue}/{@code fy2Revenue} with {@code fy1End}, from which the metrics service blends it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EstimateEvent(
        String ticker,
        Instant asOf,
        BigDecimal ntmRevenue,
        BigDecimal ntmFcf,
        BigDecimal fy1Revenue,
        BigDecimal fy2Revenue,
        LocalDate fy1End,
        BigDecimal fy1Fcf,
        BigDecimal fy2Fcf) implements IngestEvent {

    @Override
    public EventType eventType() {
        return EventType.ESTIMATE;
    }

    @Override
    public String key() {
        return ticker;
    }
}
