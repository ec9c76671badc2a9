package io.saasreport.report.view;

import io.saasreport.report.consume.Version;
import io.saasreport.report.domain.CompanyMetrics;

/** One company as the view holds it: its figures, how new they are, and its answer serialized. */
public record CompanyEntry(CompanyMetrics metrics, Version version, Rendered json) {
}
