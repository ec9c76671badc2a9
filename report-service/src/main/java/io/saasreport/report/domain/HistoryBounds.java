package io.saasreport.report.domain;

import java.time.Instant;

import io.quarkus.panache.common.Parameters;

/** Query parameters of an optional, inclusive time range. */
final class HistoryBounds {

    static Parameters parameters(Instant from, Instant to) {
        return Parameters.with("from", from).and("to", to);
    }

    private HistoryBounds() {
    }
}
