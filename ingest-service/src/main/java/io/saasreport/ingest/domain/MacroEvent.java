package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The 10-year treasury yield, quoted as the market quotes it (4.25 means 4.25 %). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MacroEvent(Instant asOf, BigDecimal tenYearYield) implements IngestEvent {

    @Override
    public EventType eventType() {
        return EventType.MACRO;
    }

    @Override
    public String key() {
        return MACRO_KEY;
    }
}
