package io.saasreport.report.record;

import io.saasreport.report.domain.CompanyMetrics;

/**
 * A {@code metrics.company} value as the writer stores it, decoded once: its figures, and the value without its
 * {@code sources} (what the company's history keeps: the figures over time, not their inputs).
 */
public record CompanyValue(CompanyMetrics metrics, String withoutSources) {
}
