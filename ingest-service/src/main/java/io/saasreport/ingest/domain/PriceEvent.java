package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A trade or close: {@code price > 0} at the exchange time {@code at}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceEvent(String ticker, BigDecimal price, Instant at) implements IngestEvent {

    @Override
    public EventType eventType() {
        return EventType.PRICE;
    }

    @Override
    public String key() {
        return ticker;
    }
}
