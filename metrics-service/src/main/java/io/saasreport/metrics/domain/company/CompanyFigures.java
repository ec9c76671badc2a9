package io.saasreport.metrics.domain.company;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.saasreport.metrics.domain.event.EventValidation;

/**
 * What is published for a company: its figures and, beside them (one JSON object), the {@code sources} they were
 * computed from. The universe needs only the figures.
 */
public record CompanyFigures(@JsonUnwrapped CompanyMetrics metrics, CompanySources sources) {

    public CompanyFigures {
        EventValidation.require(metrics, "metrics");
        EventValidation.require(sources, "sources");
    }
}
