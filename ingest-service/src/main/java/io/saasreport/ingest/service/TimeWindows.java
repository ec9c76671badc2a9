package io.saasreport.ingest.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.ingest.config.IngestConfig;
import io.saasreport.ingest.domain.TimeWindow;

/** The window event times must fall in, from the settings ({@code ingest.earliest-date}, {@code ingest.future-tolerance}). */
@ApplicationScoped
public class TimeWindows {

    private final IngestConfig config;

    TimeWindows(IngestConfig config) {
        this.config = config;
    }

    /** The window as of this moment: each request takes its own. */
    public TimeWindow current() {
        return TimeWindow.of(config.earliestDate(), config.futureTolerance(), Instant.now());
    }
}
