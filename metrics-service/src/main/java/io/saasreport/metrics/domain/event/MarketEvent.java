package io.saasreport.metrics.domain.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One input event of the metrics engine (spec "Inputs"). On the wire each event is a JSON object with a
 * {@code type} field ({@code price}, {@code filing}, {@code estimate}, {@code macro}, {@code company}, and the
 * corrections {@code price-correction}, {@code filing-withdrawal}, {@code company-removal}); the
 * annotations let an ObjectMapper read any line straight into {@code MarketEvent}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PriceEvent.class, name = "price"),
        @JsonSubTypes.Type(value = FilingEvent.class, name = "filing"),
        @JsonSubTypes.Type(value = EstimateEvent.class, name = "estimate"),
        @JsonSubTypes.Type(value = MacroEvent.class, name = "macro"),
        @JsonSubTypes.Type(value = CompanyEvent.class, name = "company"),
        @JsonSubTypes.Type(value = PriceCorrection.class, name = "price-correction"),
        @JsonSubTypes.Type(value = FilingWithdrawal.class, name = "filing-withdrawal"),
        @JsonSubTypes.Type(value = CompanyRemoval.class, name = "company-removal")
})
public sealed interface MarketEvent permits CompanyScopedEvent, MacroEvent {
}
