package io.saasreport.ingest.service;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.saasreport.ingest.config.IngestConfig;
import io.saasreport.ingest.domain.TimeWindow;

/**
 * The door's limits every request and every feed document is held to, from the settings: the window event times must
 * fall in ({@code ingest.earliest-date}, {@code ingest.future-tolerance}), as of the moment asked, and the most events
 * or rows one request or document may give ({@code ingest.max-events-per-request}).
 */
@ApplicationScoped
public class ImportLimits {

    private final Supplier<TimeWindow> window;
    private final int maxRows;

    @Inject
    ImportLimits(IngestConfig config) {
        this(() -> TimeWindow.of(config.earliestDate(), config.futureTolerance(), Instant.now()),
                config.maxEventsPerRequest());
    }

    /** Fixed limits, for a feed or a reader built without the service. */
    public ImportLimits(Supplier<TimeWindow> window, int maxRows) {
        this.window = window;
        this.maxRows = maxRows;
    }

    /** The window as of this moment: each request (or document) takes its own. */
    public TimeWindow window() {
        return window.get();
    }

    public int maxRows() {
        return maxRows;
    }
}
