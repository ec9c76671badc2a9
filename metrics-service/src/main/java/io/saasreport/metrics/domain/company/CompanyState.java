package io.saasreport.metrics.domain.company;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.CompanyRemoval;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.EventValidation;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.FilingWithdrawal;
import io.saasreport.metrics.domain.event.FiscalQuarter;
import io.saasreport.metrics.domain.event.PriceCorrection;
import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * Everything the engine holds about one company, with the spec's event rules ("Ordering, duplicates,
 * restatements"). Each {@code apply} returns whether the state changed, so replays are idempotent and a caller
 * knows when to persist. Not thread-safe: the engine applies events one at a time.
 */
public final class CompanyState {

    /** The weekly change compares with the last price at or before (latest − 7 days). */
    static final Duration WEEKLY_LOOKBACK = Duration.ofDays(7);

    private final String ticker;
    private String name;
    private final NavigableMap<FiscalQuarter, FilingEvent> quarters = new TreeMap<>();
    /**
     * One price per instant, so a replayed price is not a second point. Holds the floor entry at/before
     * (the price before the latest − 7 days) and everything after it; the last entry is the latest price.
     */
    private final PriceHistory priceHistory = new PriceHistory();
    /** The held quarters whose filing replaced an earlier one (the figures' sources say so). */
    private final NavigableSet<FiscalQuarter> restated = new TreeSet<>();
    private EstimateEvent estimate;

    public CompanyState(String ticker) {
        this.ticker = EventValidation.requireTicker(ticker);
    }

    public String ticker() {
        return ticker;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Applies any event about this company by its own rule below. */
    public boolean apply(CompanyScopedEvent event) {
        if (event instanceof PriceEvent price) {
            return apply(price);
        }
        if (event instanceof FilingEvent filing) {
            return apply(filing);
        }
        if (event instanceof EstimateEvent estimate) {
            return apply(estimate);
        }
        if (event instanceof PriceCorrection correction) {
            return apply(correction);
        }
        if (event instanceof FilingWithdrawal withdrawal) {
            return apply(withdrawal);
        }
        if (event instanceof CompanyRemoval removal) {
            return apply(removal);
        }
        return apply((CompanyEvent) event);
    }

    public boolean apply(CompanyEvent event) {
        requireSameTicker(event.ticker());
        if (Objects.equals(name, event.name())) {
            return false;
        }
        name = event.name();
        return true;
    }

    /** A filing for a quarter already held replaces it only with a strictly later {@code filedAt}. */
    public boolean apply(FilingEvent filing) {
        requireSameTicker(filing.ticker());
        FilingEvent held = quarters.get(filing.quarter());
        if (held != null && !filing.filedAt().isAfter(held.filedAt())) {
            return false;
        }
        quarters.put(filing.quarter(), filing);
        if (held != null) {
            restated.add(filing.quarter());
        }
        return true;
    }

    /**
     * Every price enters the history (a late one too, as long as it can still serve as a reference); the latest
     * price is simply the newest entry. A second price at an instant already held changes nothing (a
     * {@link PriceCorrection} does).
     */
    public boolean apply(PriceEvent price) {
        requireSameTicker(price.ticker());
        if (!priceHistory.add(PricePoint.of(price))) {
            return false;
        }
        pruneHistory();
        return priceHistory.contains(price.at());
    }

    /** An estimate replaces the held one only if its {@code asOf} is strictly later. */
    public boolean apply(EstimateEvent newEstimate) {
        requireSameTicker(newEstimate.ticker());
        if (estimate != null && !newEstimate.asOf().isAfter(estimate.asOf())) {
            return false;
        }
        estimate = newEstimate;
        return true;
    }

    /**
     * A correction: with a price, the price at its instant becomes it; without, the price at that instant is
     * withdrawn. Returns whether the held prices changed.
     */
    public boolean apply(PriceCorrection correction) {
        requireSameTicker(correction.ticker());
        if (correction.withdraws()) {
            return priceHistory.remove(correction.at());
        }
        if (!priceHistory.replace(new PricePoint(correction.at(), correction.price(), correction.eventId()))) {
            return false;
        }
        pruneHistory();
        return priceHistory.contains(correction.at());
    }

    /** The quarter's filing is no longer held, whatever its {@code filedAt}; the next filing for it is taken. */
    public boolean apply(FilingWithdrawal withdrawal) {
        requireSameTicker(withdrawal.ticker());
        restated.remove(withdrawal.quarter());
        return quarters.remove(withdrawal.quarter()) != null;
    }

    /** Drops everything held; returns whether anything was. */
    public boolean apply(CompanyRemoval removal) {
        requireSameTicker(removal.ticker());
        if (holdsNothing()) {
            return false;
        }
        name = null;
        quarters.clear();
        restated.clear();
        priceHistory.clear();
        estimate = null;
        return true;
    }

    /** No name, quarter, price or estimate: a company removed (or not yet named). */
    public boolean holdsNothing() {
        return name == null && quarters.isEmpty() && priceHistory.isEmpty() && estimate == null;
    }

    /**
     * Drops prices older than the floor entry at/before (the price before the latest − 7 days): the reference of
     * the weekly change can only move forward as the latest price does. Measured from the price before the latest,
     * not the latest itself, so that withdrawing one bad price (one dated far ahead, say) leaves every price the
     * figures would have used without it; a tick costs one more price held at most.
     */
    private void pruneHistory() {
        Instant beforeLatest = priceHistory.secondLastTime();
        if (beforeLatest != null) {
            priceHistory.dropBeforeLastAtOrBefore(beforeLatest.minus(WEEKLY_LOOKBACK));
        }
    }

    private void requireSameTicker(String eventTicker) {
        if (!ticker.equals(eventTicker)) {
            throw new IllegalArgumentException("event for " + eventTicker + " applied to " + ticker);
        }
    }

    // --- read access for the calculator ---

    /** When the oldest price held was quoted: a change of it tells a store which held prices were dropped. */
    public Optional<Instant> oldestPriceTime() {
        return Optional.ofNullable(priceHistory.firstTime());
    }

    public Optional<PricePoint> latestPrice() {
        return Optional.ofNullable(priceHistory.last());
    }

    /** The last price at or before {@code at}. */
    public Optional<PricePoint> priceAtOrBefore(Instant at) {
        return Optional.ofNullable(priceHistory.atOrBefore(at));
    }

    /** The price history held (oldest first). */
    public List<PricePoint> priceHistory() {
        return new ArrayList<>(priceHistory.toList());
    }

    public Optional<EstimateEvent> estimate() {
        return Optional.ofNullable(estimate);
    }

    /** Q0: the latest fiscal quarter held. */
    public Optional<FilingEvent> latestQuarter() {
        Map.Entry<FiscalQuarter, FilingEvent> last = quarters.lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue());
    }

    /** Whether the filing held for this quarter replaced an earlier one. */
    public boolean isRestated(FiscalQuarter quarter) {
        return restated.contains(quarter);
    }

    /** Which of the quarters Q0..Q(count−1) are held, newest first: what a gap leaves of them. */
    public List<FiscalQuarter> heldOfLatest(int count) {
        List<FiscalQuarter> held = new ArrayList<>();
        FiscalQuarter quarter = quarters.isEmpty() ? null : quarters.lastKey();
        for (int i = 0; quarter != null && i < count; i++) {
            if (quarters.containsKey(quarter)) {
                held.add(quarter);
            }
            quarter = quarter.previous();
        }
        return held;
    }

    /**
     * Q0..Q(count−1), newest first, when all of them are held and consecutive; otherwise empty.
     */
    public Optional<List<FilingEvent>> consecutiveQuarters(int count) {
        Optional<FilingEvent> latest = latestQuarter();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        List<FilingEvent> result = new ArrayList<>(count);
        FiscalQuarter quarter = latest.get().quarter();
        for (int i = 0; i < count; i++) {
            FilingEvent filing = quarters.get(quarter);
            if (filing == null) {
                return Optional.empty();
            }
            result.add(filing);
            quarter = quarter.previous();
        }
        return Optional.of(Collections.unmodifiableList(result));
    }

    /** The latest event time that went into this company's figures: newest price, estimate or filing. */
    public Optional<Instant> latestEventTime() {
        Instant latest = priceHistory.lastTime();
        if (estimate != null) {
            latest = later(latest, estimate.asOf());
        }
        for (FilingEvent filing : quarters.values()) {
            latest = later(latest, filing.filedAt());
        }
        return Optional.ofNullable(latest);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    // --- persistence ---

    /**
     * A plain-values copy of the state for persistence (Jackson-friendly). {@code restatedQuarters} is absent from
     * snapshots written before it existed: read as none.
     */
    public record Snapshot(
            String ticker,
            String name,
            List<FilingEvent> quarters,
            List<PricePoint> priceHistory,
            EstimateEvent estimate,
            List<FiscalQuarter> restatedQuarters) {

        public Snapshot {
            quarters = quarters == null ? List.of() : List.copyOf(quarters);
            priceHistory = priceHistory == null ? List.of() : List.copyOf(priceHistory);
            restatedQuarters = restatedQuarters == null ? List.of() : List.copyOf(restatedQuarters);
        }

        public Snapshot(String ticker, String name, List<FilingEvent> quarters, List<PricePoint> priceHistory,
                EstimateEvent estimate) {
            this(ticker, name, quarters, priceHistory, estimate, null);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(ticker, name, new ArrayList<>(quarters.values()), priceHistory(), estimate,
                new ArrayList<>(restated));
    }

    public static CompanyState restore(Snapshot snapshot) {
        CompanyState state = new CompanyState(snapshot.ticker());
        state.name = snapshot.name();
        for (FilingEvent filing : snapshot.quarters()) {
            state.requireSameTicker(filing.ticker());
            state.quarters.put(filing.quarter(), filing);
        }
        for (PricePoint point : snapshot.priceHistory()) {
            state.priceHistory.add(point);
        }
        if (!state.priceHistory.isEmpty()) {
            // A snapshot may carry prices this state would have dropped (a store keeps prices in batches).
            state.pruneHistory();
        }
        state.restated.addAll(snapshot.restatedQuarters());
        if (snapshot.estimate() != null) {
            state.requireSameTicker(snapshot.estimate().ticker());
            state.estimate = snapshot.estimate();
        }
        return state;
    }
}
