package io.saasreport.report.edition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.report.config.ReportConfig;
import io.saasreport.report.domain.HistoryAtInstant;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.WeeklyClose;
import io.saasreport.report.view.Rendered;
import io.saasreport.report.view.ReportView;

/**
 * Editions built once. A closed week's edition is kept once the stored universe history reaches past its close (the
 * writer has stored the week; a closed week changes after that only by a company's removal or its return, which the
 * kept edition is checked against). This week's edition is kept until the stored universe history gains a point and
 * {@code report.editions.provisional-refresh} has passed since it was built. One read per request tells both
 * (HistoryAtInstant.stored).
 */
@ApplicationScoped
public class EditionCache {

    /** Two years of closed weeks; the least recently asked for goes first. */
    static final int CLOSED_WEEKS_KEPT = 104;

    /** An edition with its JSON form, serialized once. */
    public record Kept(Edition edition, Rendered json) {
    }

    /** A closed week's edition and the removals it was built under. */
    private record Closed(String removals, Kept kept) {
    }

    record Provisional(LocalDate week, Optional<Instant> storedUpTo, String removals, Instant builtAt, Kept kept) {

        /**
         * Served again while nothing it was built from changed, or, for a while, when only the universe history gained
         * points (a removal or a return is always shown at once).
         */
        boolean servesAgain(LocalDate asked, HistoryAtInstant.Stored stored, Instant now, Duration refresh) {
            return week.equals(asked) && removals.equals(stored.removals())
                    && (storedUpTo.equals(stored.newestUniverseAsOf()) || now.isBefore(builtAt.plus(refresh)));
        }
    }

    private final Editions editions;
    private final HistoryAtInstant history;
    private final ReportView view;
    private final Clock clock;
    private final Map<LocalDate, Closed> closed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Closed> eldest) {
            return size() > CLOSED_WEEKS_KEPT;
        }
    });
    private final Duration provisionalRefresh;
    private volatile Provisional provisional;

    EditionCache(Editions editions, HistoryAtInstant history, ReportView view, Clock clock, ReportConfig config) {
        this.provisionalRefresh = config.editions().provisionalRefresh();
        this.editions = editions;
        this.history = history;
        this.view = view;
        this.clock = clock;
    }

    /** The edition dated at {@code close}; empty when no universe statistics are stored at or before it. */
    public Optional<Kept> of(WeeklyClose close) {
        Optional<Kept> kept = keptFor(close, history.stored(UniverseSnapshot.KEY));
        if (kept.isPresent()) {
            return kept;
        }
        // One build at a time: clients asking together for an edition not kept wait for the one build (an edition of
        // 2,000 companies parses every company's weekly point) rather than each building it beside the others.
        synchronized (this) {
            HistoryAtInstant.Stored stored = history.stored(UniverseSnapshot.KEY);
            kept = keptFor(close, stored);
            return kept.isPresent() ? kept : build(close, stored);
        }
    }

    /** A closed week once the stored universe history reaches past its close (the writer has stored the week). */
    private boolean settled(WeeklyClose close, HistoryAtInstant.Stored stored) {
        return close.instant().isBefore(clock.instant())
                && stored.newestUniverseAsOf().filter(newest -> newest.isAfter(close.instant())).isPresent();
    }

    private Optional<Kept> keptFor(WeeklyClose close, HistoryAtInstant.Stored stored) {
        // A removal or a company named again changes even a closed week (docs/api.md, "Corrections").
        Closed kept = closed.get(close.friday());
        if (kept != null && kept.removals().equals(stored.removals())) {
            return Optional.of(kept.kept());
        }
        Provisional held = provisional;
        if (!settled(close, stored) && held != null
                && held.servesAgain(close.friday(), stored, clock.instant(), provisionalRefresh)) {
            return Optional.of(held.kept());
        }
        return Optional.empty();
    }

    /** Builds the edition under the stored state read before it: a change meanwhile shows at the next request. */
    private Optional<Kept> build(WeeklyClose close, HistoryAtInstant.Stored stored) {
        boolean settled = settled(close, stored);
        Optional<Kept> built = editions.of(close).map(edition -> new Kept(edition, view.render(edition)));
        built.ifPresent(edition -> {
            if (settled) {
                closed.put(close.friday(), new Closed(stored.removals(), edition));
            } else {
                provisional = new Provisional(close.friday(), stored.newestUniverseAsOf(), stored.removals(),
                        clock.instant(), edition);
            }
        });
        return built;
    }

    /** Forgets every edition (tests that store a history again from nothing). */
    public void clear() {
        closed.clear();
        provisional = null;
    }
}
