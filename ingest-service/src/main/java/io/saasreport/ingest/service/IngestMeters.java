package io.saasreport.ingest.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.saasreport.ingest.domain.EventType;

/** The service's meters: events published (by type) and events turned away (by type and reason). */
@Startup
@ApplicationScoped
public class IngestMeters {

    public static final String ACCEPTED = "ingest.events.accepted";
    public static final String REJECTED = "ingest.events.rejected";

    private final MeterRegistry registry;

    public IngestMeters(MeterRegistry registry) {
        this.registry = registry;
        // Every type shows from the start, at zero, so a dashboard's rate() has a series to work on.
        for (EventType type : EventType.values()) {
            registry.counter(ACCEPTED, "type", type.wireName());
        }
    }

    public void accepted(Map<String, Integer> countByType) {
        countByType.forEach((type, count) -> registry.counter(ACCEPTED, "type", type).increment(count));
    }

    public void rejected(Map<String, Integer> countByType, String reason) {
        countByType.forEach((type, count) -> registry.counter(REJECTED, "type", type, "reason", reason).increment(count));
    }
}
