package io.saasreport.metrics.domain.company;

import java.time.Instant;
import java.util.Optional;

import io.saasreport.metrics.domain.event.CompanyRemoval;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.EventValidation;

/**
 * One company's state and its revision: what the metrics service keeps per ticker. Every event that changes the
 * state (the first event naming the company always does) raises the revision by one; a duplicate or superseded
 * event changes neither. A removal raises it too, and the revision is kept: a company named again after it carries
 * on from there, so consumers keeping the highest revision per ticker take its new figures. Not thread-safe.
 */
public final class RevisedCompany {

    /** What is stored per ticker: the state's plain values and the revision of the figures last computed. */
    public record Stored(CompanyState.Snapshot state, long revision) {

        public Stored {
            EventValidation.require(state, "state");
        }
    }

    private final CompanyState state;
    private long revision;

    private RevisedCompany(CompanyState state, long revision) {
        this.state = state;
        this.revision = revision;
    }

    /** A company no event has named yet (revision 0). */
    public static RevisedCompany unknown(String ticker) {
        return new RevisedCompany(new CompanyState(ticker), 0);
    }

    public static RevisedCompany restore(Stored stored) {
        return new RevisedCompany(CompanyState.restore(stored.state()), stored.revision());
    }

    /**
     * Applies one event of this company; returns whether anything changed (and the revision was raised). The
     * figures are computed on demand by {@link #current()}: a burst of ticks costs one computation.
     */
    public boolean apply(CompanyScopedEvent event) {
        // The first event naming a company makes it known; a removal of a company never named changes nothing.
        boolean changed = state.apply(event) || (revision == 0 && !(event instanceof CompanyRemoval));
        if (changed) {
            revision++;
        }
        return changed;
    }

    /**
     * Whether the company was removed ({@link CompanyRemoval}) and nothing named it since: its figures leave the
     * published topic (a tombstone) and every universe, while its revision is kept for when it comes back.
     */
    public boolean isRemoved() {
        return revision > 0 && state.holdsNothing();
    }

    /** The figures of the state held and their sources, with its revision; empty while no event has named the company. */
    public Optional<Revised<CompanyFigures>> current() {
        return revision == 0 ? Optional.empty()
                : Optional.of(new Revised<>(CompanyMetricsCalculator.computeWithSources(state), revision));
    }

    public Stored stored() {
        return new Stored(state.snapshot(), revision);
    }

    /** When the oldest held price was quoted: a store drops the prices it keeps from before it. */
    public Optional<Instant> oldestPriceTime() {
        return state.oldestPriceTime();
    }

    public long revision() {
        return revision;
    }

    /**
     * Figures are published once dated: a company known only by its name has no figures and no event time yet,
     * and every published record says as of when it holds.
     */
    public static boolean isPublishable(CompanyMetrics figures) {
        return figures.asOf() != null;
    }
}
