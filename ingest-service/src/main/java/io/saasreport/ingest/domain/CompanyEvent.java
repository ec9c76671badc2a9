package io.saasreport.ingest.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Reference data about a company. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanyEvent(String ticker, String name) implements IngestEvent {

    @Override
    public EventType eventType() {
        return EventType.COMPANY;
    }

    @Override
    public String key() {
        return ticker;
    }
}
