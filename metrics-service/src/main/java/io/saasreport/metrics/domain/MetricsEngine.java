package io.saasreport.metrics.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.CompanyMetricsCalculator;
import io.saasreport.metrics.domain.company.CompanyState;
import io.saasreport.metrics.domain.event.CompanyRemoval;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.universe.UniverseSnapshot;
import io.saasreport.metrics.domain.universe.UniverseStatistics;

/**
 * The metrics engine in one process: every company's {@link CompanyState} and the {@link UniverseStatistics}.
 * Events are applied one at a time (not thread-safe: the caller serializes them). A company is in the universe once
 * any event names it, even one that carries no figures. The service runs the same rules split in two stages
 * ({@link RevisedCompany} per ticker, {@link RevisedUniverse} once); this class is their reference in tests and
 * the benchmark.
 */
public final class MetricsEngine {

    /**
     * What one event did. {@code changed} is false for a duplicate or superseded event (nothing to persist or
     * publish). {@code ticker} is the event's company (null for a macro event); {@code company} holds that
     * company's new figures when its state changed (empty for macro events and when nothing changed);
     * {@code universe} is the current universe snapshot either way.
     */
    public record Result(boolean changed, String ticker, Optional<CompanyMetrics> company, UniverseSnapshot universe) {
    }

    private final Map<String, CompanyState> companies = new HashMap<>();
    private final Map<String, CompanyMetrics> metrics = new HashMap<>();
    private final UniverseStatistics universe = new UniverseStatistics();
    /** Cached between changes: reading the snapshot of an unchanged universe costs nothing. */
    private UniverseSnapshot universeSnapshot;

    public Result apply(MarketEvent event) {
        if (event instanceof MacroEvent macro) {
            boolean changed = universe.applyMacro(macro);
            if (changed) {
                universeSnapshot = null;
            }
            return new Result(changed, null, Optional.empty(), universe());
        }
        CompanyScopedEvent companyEvent = (CompanyScopedEvent) event;
        CompanyState state = companies.get(companyEvent.ticker());
        boolean isNew = state == null;
        if (isNew) {
            state = new CompanyState(companyEvent.ticker());
        }
        boolean changed = state.apply(companyEvent) || (isNew && !(companyEvent instanceof CompanyRemoval));
        if (!changed) {
            return new Result(false, companyEvent.ticker(), Optional.empty(), universe());
        }
        if (state.holdsNothing()) {
            // Removed: the company leaves the universe (as RevisedCompany#isRemoved has it published).
            companies.remove(state.ticker());
            metrics.remove(state.ticker());
            universe.remove(state.ticker());
            universeSnapshot = null;
            return new Result(true, state.ticker(), Optional.empty(), universe());
        }
        companies.put(state.ticker(), state);
        CompanyMetrics figures = CompanyMetricsCalculator.compute(state);
        metrics.put(state.ticker(), figures);
        universe.update(figures);
        universeSnapshot = null;
        return new Result(true, state.ticker(), Optional.of(figures), universe());
    }

    /** Rebuilds an engine from persisted company states and the latest macro event (may be null). */
    public static MetricsEngine restore(Collection<CompanyState.Snapshot> companySnapshots, MacroEvent macro) {
        MetricsEngine engine = new MetricsEngine();
        for (CompanyState.Snapshot snapshot : companySnapshots) {
            CompanyState state = CompanyState.restore(snapshot);
            if (engine.companies.putIfAbsent(state.ticker(), state) != null) {
                throw new IllegalArgumentException("two snapshots for " + state.ticker());
            }
            CompanyMetrics figures = CompanyMetricsCalculator.compute(state);
            engine.metrics.put(state.ticker(), figures);
            engine.universe.update(figures);
        }
        if (macro != null) {
            engine.universe.applyMacro(macro);
        }
        return engine;
    }

    public UniverseSnapshot universe() {
        if (universeSnapshot == null) {
            universeSnapshot = universe.snapshot();
        }
        return universeSnapshot;
    }

    public Optional<CompanyMetrics> companyMetrics(String ticker) {
        return Optional.ofNullable(metrics.get(ticker));
    }

    /** Every company's figures, by ticker. */
    public List<CompanyMetrics> allCompanyMetrics() {
        List<CompanyMetrics> all = new ArrayList<>(metrics.size());
        for (String ticker : tickers()) {
            all.add(metrics.get(ticker));
        }
        return all;
    }

    /** The state to persist for one company. */
    public Optional<CompanyState.Snapshot> companySnapshot(String ticker) {
        return Optional.ofNullable(companies.get(ticker)).map(CompanyState::snapshot);
    }

    /** Every company's state, by ticker. */
    public List<CompanyState.Snapshot> companySnapshots() {
        List<CompanyState.Snapshot> all = new ArrayList<>(companies.size());
        for (String ticker : tickers()) {
            all.add(companies.get(ticker).snapshot());
        }
        return all;
    }

    /** The macro state to persist: the latest macro event held. */
    public Optional<MacroEvent> macro() {
        return universe.macro();
    }

    public Set<String> tickers() {
        return new TreeSet<>(companies.keySet());
    }
}
