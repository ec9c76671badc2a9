package io.saasreport.ingest.feed;

import java.util.function.Supplier;

import io.saasreport.ingest.domain.TimeWindow;

/**
 * The door's limits a feed's documents are held to, as the import endpoints hold an upload: the time window of the
 * moment and the most rows (events) one document may give.
 */
record ImportLimits(Supplier<TimeWindow> window, int maxRows) {
}
