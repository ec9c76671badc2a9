package io.saasreport.report.view;

import io.saasreport.report.record.Version;
import io.saasreport.report.domain.UniverseStatistics;

/** The universe statistics as the view holds them, with their answer serialized. */
public record UniverseEntry(UniverseStatistics statistics, Version version, Rendered json) {
}
