package io.saasreport.report.view;

import io.saasreport.report.consume.Version;
import io.saasreport.report.domain.CompanyMetrics;

/**
 * One company as the view holds it: its figures, how new they are, its answer serialized, and the value as published
 * (figures and their sources: the explanation reads the sources from it when asked).
 */
public record CompanyEntry(CompanyMetrics metrics, Version version, Rendered json, String payload) {
}
