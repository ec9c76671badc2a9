package io.saasreport.report.record;

import io.saasreport.report.domain.CompanyMetrics;

/**
 * A {@code metrics.company} value as the writer stores it, decoded once: its figures, and their text as the history
 * endpoint serves them (what each of the company's history points keeps: the figures over time, not their inputs,
 * written once so that a history read only joins the stored texts).
 */
public record CompanyValue(CompanyMetrics metrics, String asServed) {
}
