package io.saasreport.report.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a week's edition reads of the stored history: the figures as they stood at an instant (stored JSON). */
public interface HistoryAtInstant {

    /** One universe's latest point at or before the instant. */
    Optional<String> universeAtOrBefore(String universe, Instant instant);

    /** Each company's latest point at or before the instant (companies without one are absent), by ticker. */
    List<String> companiesAtOrBefore(Instant instant);

    /** What a kept edition is checked against, in one read: how far one universe's stored history reaches, and the removals. */
    Stored stored(String universe);

    /**
     * {@code newestUniverseAsOf}: the asOf of the universe's newest stored point. {@code removals}: changes whenever a
     * company is removed or named again (the removals the editions honour), so a kept edition built under another
     * value is built again.
     */
    record Stored(Optional<Instant> newestUniverseAsOf, String removals) {
    }
}
