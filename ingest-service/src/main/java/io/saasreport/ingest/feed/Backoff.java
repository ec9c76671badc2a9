package io.saasreport.ingest.feed;

import java.time.Duration;
import java.util.Optional;

/** Exponential backoff: {@code initial}, twice that, four times, ... never above {@code max}, never below what the source asked. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code failures}-th failure in a row (1 = the first), at least {@code asked} (Retry-After). */
    public Duration after(int failures, Optional<Duration> asked) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration exponential = initial.multipliedBy(1L << doublings);
        Duration capped = exponential.compareTo(max) > 0 ? max : exponential;
        return asked.filter(wanted -> wanted.compareTo(capped) > 0).map(wanted -> wanted.compareTo(max) > 0 ? max : wanted)
                .orElse(capped);
    }
}
