package io.saasreport.report.edition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.report.domain.HistoryAtInstant;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.WeeklyClose;
import io.saasreport.report.view.Rendered;
import io.saasreport.report.view.ReportView;

/**
 * Editions built once. A closed week's edition is kept for good once the stored universe history reaches past its
 * close (the writer has stored the week; a closed week never changes after that). This week's edition is kept until
 * the stored universe history gains a point, which one index lookup tells.
 */
@ApplicationScoped
public class EditionCache {

    /** Two years of closed weeks; the least recently asked for goes first. */
    static final int CLOSED_WEEKS_KEPT = 104;

    /** An edition with its JSON form, serialized once. */
    public record Kept(Edition edition, Rendered json) {
    }

    private record Provisional(LocalDate week, Optional<Instant> storedUpTo, Kept kept) {
    }

    private final Editions editions;
    private final HistoryAtInstant history;
    private final ReportView view;
    private final Clock clock;
    private final Map<LocalDate, Kept> closed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Kept> eldest) {
            return size() > CLOSED_WEEKS_KEPT;
        }
    });
    private volatile Provisional provisional;

    EditionCache(Editions editions, HistoryAtInstant history, ReportView view, Clock clock) {
        this.editions = editions;
        this.history = history;
        this.view = view;
        this.clock = clock;
    }

    /** The edition dated at {@code close}; empty when no universe statistics are stored at or before it. */
    public Optional<Kept> of(WeeklyClose close) {
        Kept kept = closed.get(close.friday());
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Instant> storedUpTo = history.newestUniverseAsOf(UniverseSnapshot.KEY);
        boolean settled = close.instant().isBefore(clock.instant())
                && storedUpTo.filter(newest -> newest.isAfter(close.instant())).isPresent();
        Provisional held = provisional;
        if (!settled && held != null && held.week().equals(close.friday()) && held.storedUpTo().equals(storedUpTo)) {
            return Optional.of(held.kept());
        }
        Optional<Kept> built = editions.of(close).map(edition -> new Kept(edition, view.render(edition)));
        built.ifPresent(edition -> {
            if (settled) {
                closed.put(close.friday(), edition);
            } else {
                provisional = new Provisional(close.friday(), storedUpTo, edition);
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
