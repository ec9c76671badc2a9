package io.saasreport.report.record;

import java.time.Instant;

/**
 * How new a published value is: the metrics service's per-key {@code revision} (strictly increasing) when both
 * values carry one, else their {@code asOf}.
 */
public record Version(Long revision, Instant asOf) {

    public Version {
        if (asOf == null) {
            throw new IllegalArgumentException("a version needs asOf");
        }
    }

    /** Whether a value of this version replaces one of {@code held}: newer or equal (a replay of the same value). */
    public boolean supersedes(Version held) {
        if (held == null) {
            return true;
        }
        if (revision != null && held.revision != null) {
            return revision >= held.revision;
        }
        return !asOf.isBefore(held.asOf);
    }
}
