package io.saasreport.report.domain;

import java.time.Instant;

import io.quarkus.panache.common.Parameters;

/**
 * An optional, inclusive time range as a query condition on {@code asOf}. Absent bounds are left out of the query
 * rather than bound as nulls, which PostgreSQL cannot type.
 */
final class HistoryBounds {

    private final StringBuilder condition;
    private final Parameters parameters;

    private HistoryBounds(String condition, Parameters parameters) {
        this.condition = new StringBuilder(condition);
        this.parameters = parameters;
    }

    static HistoryBounds of(Instant from, Instant to) {
        HistoryBounds bounds = new HistoryBounds("1 = 1", new Parameters());
        if (from != null) {
            bounds.condition.append(" and asOf >= :from");
            bounds.parameters.and("from", from);
        }
        if (to != null) {
            bounds.condition.append(" and asOf <= :to");
            bounds.parameters.and("to", to);
        }
        return bounds;
    }

    HistoryBounds and(String condition, String name, Object value) {
        this.condition.append(" and ").append(condition);
        this.parameters.and(name, value);
        return this;
    }

    /** The condition, then oldest first. */
    String query() {
        return condition + " order by asOf, id";
    }

    Parameters parameters() {
        return parameters;
    }
}
