package io.saasreport.report.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One alert of a universe as the metrics service publishes it on {@code metrics.alerts} (its AsyncAPI:
 * UniverseAlert): what happened ({@code type}), to which company, and the figures that caused it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UniverseAlert(String id, String universe, String type, String ticker, Instant at, Double value,
        Double previous, Double change, Integer rank, String fromBucket, String toBucket) {

    public UniverseAlert {
        if (id == null || universe == null || type == null || at == null) {
            throw new IllegalArgumentException("an alert needs id, universe, type and at");
        }
    }
}
