package io.saasreport.metrics.domain.event;

import java.time.Instant;

/** The 10-year treasury yield, quoted as the market quotes it (4.25 means 4.25 %). */
public record MacroEvent(Instant asOf, Double tenYearYield) implements MarketEvent {

    public MacroEvent {
        EventValidation.require(asOf, "asOf");
        EventValidation.require(tenYearYield, "tenYearYield");
        EventValidation.requireFiniteIfPresent(tenYearYield, "tenYearYield");
    }
}
