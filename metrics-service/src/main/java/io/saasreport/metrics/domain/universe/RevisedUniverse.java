package io.saasreport.metrics.domain.universe;

import java.util.Optional;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.event.MacroEvent;

/**
 * The universe computed once from every company's latest figures: the {@link UniverseStatistics} (which hold each
 * company's figures with their revision: older or repeated figures are ignored), and the universe's own revision,
 * raised only when a published snapshot differs from the previous one. Conflation is the caller's: it asks for
 * {@link #publishIfChanged} as often as it wants to publish at most. Not thread-safe.
 */
public final class RevisedUniverse {

    /** What survives a restart besides the companies' figures: the macro value and what was last published. */
    public record Stored(MacroEvent macro, long revision, UniverseSnapshot published) {
    }

    private final UniverseStatistics statistics;
    private long revision;
    private UniverseSnapshot published;
    /** False while nothing was accepted since the last comparison with what was published. */
    private boolean mayHaveChanged = true;

    public RevisedUniverse() {
        this(new CompanyIds());
    }

    /** A universe that takes figures indexed with these numbers, shared with other universes ({@link Universes}). */
    RevisedUniverse(CompanyIds ids) {
        statistics = new UniverseStatistics(ids);
    }

    /** Rebuilds the order statistics from the held figures (any order) and what was stored (may be null). */
    public static RevisedUniverse restore(Iterable<Revised<CompanyMetrics>> companies, Stored stored) {
        return restore(companies, stored, new CompanyIds());
    }

    /** As {@link #restore(Iterable, Stored)}, numbering the companies with the shared {@code ids}. */
    static RevisedUniverse restore(Iterable<Revised<CompanyMetrics>> companies, Stored stored, CompanyIds ids) {
        RevisedUniverse universe = new RevisedUniverse(ids);
        for (Revised<CompanyMetrics> figures : companies) {
            universe.accept(figures);
        }
        if (stored != null) {
            if (stored.macro() != null) {
                universe.statistics.applyMacro(stored.macro());
            }
            universe.revision = stored.revision();
            universe.published = stored.published();
        }
        universe.mayHaveChanged = true;
        return universe;
    }

    /** Takes a company's figures unless those held are as new or newer (a replay); returns whether it took them. */
    public boolean accept(Revised<CompanyMetrics> figures) {
        IndexedFigures held = statistics.held(figures.value().ticker());
        if (held != null && held.revision >= figures.revision()) {
            return false;
        }
        replace(statistics.index(figures.value(), figures.revision()));
        return true;
    }

    /**
     * Takes figures known to be newer than any held for the company ({@link Universes} checks that once for all its
     * universes), indexed with this universe's numbers; returns whether the company was in.
     */
    boolean replace(IndexedFigures figures) {
        mayHaveChanged = true;
        return statistics.update(figures) != null;
    }

    /** Takes a company out (it left the universe's membership); returns whether it was in. */
    public boolean remove(String ticker) {
        boolean removed = statistics.remove(ticker);
        mayHaveChanged |= removed;
        return removed;
    }

    /** Takes out the company whose new figures these are (it left the membership); returns whether it was in. */
    boolean remove(IndexedFigures figures) {
        boolean removed = statistics.remove(figures);
        mayHaveChanged |= removed;
        return removed;
    }

    public boolean contains(String ticker) {
        return statistics.contains(ticker);
    }

    /** The snapshot published last (null before the first). */
    public UniverseSnapshot published() {
        return published;
    }

    /** The latest macro event by {@code asOf} wins; returns whether it changed anything. */
    public boolean accept(MacroEvent macro) {
        boolean changed = statistics.applyMacro(macro);
        mayHaveChanged |= changed;
        return changed;
    }

    /**
     * The snapshot to publish, with the raised revision, when it differs from the one published last and is dated
     * (nothing dated has happened before that); empty otherwise.
     */
    public Optional<Revised<UniverseSnapshot>> publishIfChanged() {
        if (!mayHaveChanged) {
            return Optional.empty();
        }
        mayHaveChanged = false;
        UniverseSnapshot current = statistics.snapshot();
        if (current.asOf() == null || current.equals(published)) {
            return Optional.empty();
        }
        revision++;
        published = current;
        return Optional.of(new Revised<>(current, revision));
    }

    public Stored stored() {
        return new Stored(statistics.macro().orElse(null), revision, published);
    }

    /** The revision of the snapshot published last (0 before the first). */
    public long revision() {
        return revision;
    }

    public int companyCount() {
        return statistics.size();
    }
}
