package io.saasreport.report.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a week's edition reads of the stored history: the figures as they stood at an instant (stored JSON). */
public interface HistoryAtInstant {

    /** One universe's latest point at or before the instant. */
    Optional<String> universeAtOrBefore(String universe, Instant instant);

    /** The asOf of one universe's newest stored point: how far the stored history reaches. */
    Optional<Instant> newestUniverseAsOf(String universe);

    /** Each company's latest point at or before the instant (companies without one are absent), by ticker. */
    List<String> companiesAtOrBefore(Instant instant);

    /**
     * Changes whenever a company is removed or named again (the removals the editions honour): a kept edition built
     * under another value is built again.
     */
    String removalsStamp();
}
