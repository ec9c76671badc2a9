package io.saasreport.ingest.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An input event as it is published: its JSON is the spec's (metrics.md) with the {@code type} field first.
 * Only validated events are turned into these records (see {@link EventValidator}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PriceEvent.class, name = "price"),
        @JsonSubTypes.Type(value = FilingEvent.class, name = "filing"),
        @JsonSubTypes.Type(value = EstimateEvent.class, name = "estimate"),
        @JsonSubTypes.Type(value = MacroEvent.class, name = "macro"),
        @JsonSubTypes.Type(value = CompanyEvent.class, name = "company")
})
public sealed interface IngestEvent permits PriceEvent, FilingEvent, EstimateEvent, MacroEvent, CompanyEvent {

    /** Macro events are not about a company: they all share this key. */
    String MACRO_KEY = "macro";

    @JsonIgnore
    EventType eventType();

    /** The Kafka record key: the ticker, or {@link #MACRO_KEY}. */
    @JsonIgnore
    String key();
}
