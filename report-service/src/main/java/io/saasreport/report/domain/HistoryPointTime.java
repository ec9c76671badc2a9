package io.saasreport.report.domain;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The id and time of a history point: all that thinning looks at. */
@RegisterForReflection
public record HistoryPointTime(Long id, Instant asOf) {
}
