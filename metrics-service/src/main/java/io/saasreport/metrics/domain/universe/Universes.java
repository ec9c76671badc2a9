package io.saasreport.metrics.domain.universe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.GrowthBucket;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.index.TickerValue;
import io.saasreport.universe.rule.UniverseNames;

/**
 * The universes one part of the universe stage computes, over every company's latest figures: the default universe
 * (every company) where this part owns it, and the named universes defined to it. A company's new figures update
 * each universe it belongs to (O(log n) each) and leave those it no longer belongs to; a new definition takes its
 * members from the figures held. Alerts that a company's change causes come out of {@link #accept}, those that a
 * publication causes out of {@link #publishIfChanged}; both derive only from what is stored, so they are raised
 * exactly once with the stores' transactions. Not thread-safe.
 */
public final class Universes {

    public static final String DEFAULT = UniverseNames.DEFAULT;

    /** What is kept per company: its latest figures and revision, and its multiple's move of the day. */
    public record HeldCompany(CompanyMetrics figures, long revision, DailyMove multipleToday) {
        Revised<CompanyMetrics> revised() {
            return new Revised<>(figures, revision);
        }
    }

    /** What is kept per universe besides its members: what was published, and its median's move of the day. */
    public record StoredUniverse(RevisedUniverse.Stored universe, DailyMove medianToday) {
    }

    /** A company's figures taken ({@code held} to store) or ignored as a replay, and the alerts they raised. */
    public record Accepted(HeldCompany held, List<UniverseAlert> alerts) {
        static final Accepted IGNORED = new Accepted(null, List.of());

        public boolean taken() {
            return held != null;
        }
    }

    /** A universe to publish: its new snapshot, the alerts of the change, and what to store. */
    public record Publication(String name, Revised<UniverseSnapshot> snapshot, List<UniverseAlert> alerts,
            StoredUniverse stored) {
    }

    private static final class Computed {
        final Membership membership;
        final RevisedUniverse universe;
        DailyMove medianToday;

        Computed(Membership membership, RevisedUniverse universe, DailyMove medianToday) {
            this.membership = membership;
            this.universe = universe;
            this.medianToday = medianToday;
        }

        StoredUniverse stored() {
            return new StoredUniverse(universe.stored(), medianToday);
        }
    }

    private final AlertThresholds thresholds;
    private final Map<String, HeldCompany> companies = new HashMap<>();
    private final Map<String, Computed> universes = new LinkedHashMap<>();
    /** The companies' numbers in every universe here, so that one {@link IndexedFigures} serves them all. */
    private final CompanyIds ids = new CompanyIds();
    private MacroEvent macro;

    private Universes(AlertThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Rebuilds this part's universes from the stores (any order): the companies' figures, the definitions it
     * holds, each universe's stored state (null when none) and the latest macro event (may be null).
     */
    public static Universes restore(AlertThresholds thresholds, boolean ownsDefault, Iterable<HeldCompany> companies,
            Iterable<UniverseDefinition> definitions, Function<String, StoredUniverse> stored, MacroEvent macro) {
        Universes universes = new Universes(thresholds);
        for (HeldCompany company : companies) {
            universes.companies.put(company.figures().ticker(), company);
        }
        universes.macro = macro;
        if (ownsDefault) {
            universes.build(DEFAULT, Membership.everyCompany(), stored.apply(DEFAULT));
        }
        for (UniverseDefinition definition : definitions) {
            universes.build(definition.name(), definition.membership(), stored.apply(definition.name()));
        }
        return universes;
    }

    /** Defines a universe never removed, or redefines one: {@link #define(UniverseDefinition, StoredUniverse)}. */
    public void define(UniverseDefinition definition) {
        define(definition, null);
    }

    /**
     * Defines a universe, or redefines it; its members come from the figures held. Its revision goes on from the
     * universe computed now or, when there is none, from {@code kept}: what {@link #remove} left of it when a
     * universe of this name was removed (null when never defined), so a universe defined again after a removal
     * never publishes a revision, nor raises an alert id, that it published before.
     */
    public void define(UniverseDefinition definition, StoredUniverse kept) {
        Computed existing = universes.get(definition.name());
        build(definition.name(), definition.membership(), existing != null ? existing.stored() : kept);
    }

    /**
     * Removes a named universe; returns what to keep of it (its revision only: it starts again from no published
     * snapshot and no day's baseline), empty when this part did not compute it.
     */
    public Optional<StoredUniverse> remove(String name) {
        Computed removed = DEFAULT.equals(name) ? null : universes.remove(name);
        if (removed == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredUniverse(new RevisedUniverse.Stored(null, removed.universe.revision(), null),
                null));
    }

    /**
     * A company removed at this revision leaves every universe (their next publications say so, top-10 exits
     * included) and is no longer held; a removal older than the figures held is a replay and changes nothing.
     * Returns whether it was held.
     */
    public boolean removeCompany(String ticker, long revision) {
        HeldCompany held = companies.get(ticker);
        if (held == null || held.revision() >= revision) {
            return false;
        }
        companies.remove(ticker);
        universes.values().forEach(computed -> computed.universe.remove(ticker));
        return true;
    }

    private void build(String name, Membership membership, StoredUniverse stored) {
        List<Revised<CompanyMetrics>> members = new ArrayList<>();
        for (HeldCompany company : companies.values()) {
            if (membership.includes(company.figures())) {
                members.add(company.revised());
            }
        }
        RevisedUniverse universe = RevisedUniverse.restore(members, stored == null ? null : stored.universe(), ids);
        if (macro != null) {
            universe.accept(macro);
        }
        universes.put(name, new Computed(membership, universe, stored == null ? null : stored.medianToday()));
    }

    /**
     * Takes a company's figures unless those held are as new or newer (a replay). The company joins the universes
     * whose membership its figures now meet, leaves the others, and raises its bucket and multiple alerts in those
     * it belongs to.
     */
    public Accepted accept(Revised<CompanyMetrics> revised) {
        CompanyMetrics figures = revised.value();
        String ticker = figures.ticker();
        HeldCompany before = companies.get(ticker);
        if (before != null && before.revision() >= revised.revision()) {
            return Accepted.IGNORED;
        }
        CompanyMetrics previous = before == null ? null : before.figures();
        DailyMove.Step multiple = DailyMove.step(before == null ? null : before.multipleToday(), figures.asOf(),
                previous == null ? null : previous.evToNtmRevenue(), figures.evToNtmRevenue(),
                thresholds.companyMultipleMove());
        HeldCompany held = new HeldCompany(figures, revised.revision(), multiple.next());
        companies.put(ticker, held);

        GrowthBucket bucketBefore = bucketOf(previous);
        GrowthBucket bucketNow = bucketOf(figures);
        // Indexed once, shared by every universe the company is in.
        IndexedFigures indexed = IndexedFigures.of(revised, ids);
        List<UniverseAlert> alerts = new ArrayList<>();
        for (Map.Entry<String, Computed> entry : universes.entrySet()) {
            String name = entry.getKey();
            Computed computed = entry.getValue();
            if (!computed.membership.includes(figures)) {
                computed.universe.remove(indexed);
                continue;
            }
            boolean wasMember = computed.universe.replace(indexed);
            if (wasMember && bucketBefore != null && bucketNow != null && bucketBefore != bucketNow) {
                alerts.add(new UniverseAlert(
                        UniverseAlert.id(name, UniverseAlert.Type.BUCKET_CHANGED, ticker, revised.revision()), name,
                        UniverseAlert.Type.BUCKET_CHANGED, ticker, figures.asOf(), figures.ntmGrowth(),
                        previous.ntmGrowth(), null, null, UniverseAlert.bucketName(bucketBefore),
                        UniverseAlert.bucketName(bucketNow)));
            }
            if (multiple.change() != null) {
                alerts.add(new UniverseAlert(
                        UniverseAlert.id(name, UniverseAlert.Type.MULTIPLE_MOVED, ticker, revised.revision()), name,
                        UniverseAlert.Type.MULTIPLE_MOVED, ticker, figures.asOf(), figures.evToNtmRevenue(),
                        multiple.next().baseline(), multiple.change(), null, null, null));
            }
        }
        return new Accepted(held, alerts);
    }

    /** The latest macro event by {@code asOf} wins, in every universe; returns whether it changed anything. */
    public boolean accept(MacroEvent event) {
        if (macro != null && !event.asOf().isAfter(macro.asOf())) {
            return false;
        }
        macro = event;
        universes.values().forEach(computed -> computed.universe.accept(event));
        return true;
    }

    /** Every universe whose snapshot changed since it was last published, with the alerts the change raises. */
    public List<Publication> publishIfChanged() {
        List<Publication> publications = new ArrayList<>();
        for (Map.Entry<String, Computed> entry : universes.entrySet()) {
            Computed computed = entry.getValue();
            UniverseSnapshot before = computed.universe.published();
            computed.universe.publishIfChanged().ifPresent(snapshot -> {
                List<UniverseAlert> alerts = publicationAlerts(entry.getKey(), computed, before, snapshot);
                publications.add(new Publication(entry.getKey(), snapshot, alerts, computed.stored()));
            });
        }
        return publications;
    }

    private List<UniverseAlert> publicationAlerts(String name, Computed computed, UniverseSnapshot before,
            Revised<UniverseSnapshot> revised) {
        UniverseSnapshot now = revised.value();
        List<UniverseAlert> alerts = new ArrayList<>();
        DailyMove.Step median = DailyMove.step(computed.medianToday, now.asOf(),
                before == null ? null : before.medianEvToNtmRevenue(), now.medianEvToNtmRevenue(),
                thresholds.medianMove());
        computed.medianToday = median.next();
        if (before == null || before.topByEvToNtmRevenue().isEmpty()) {
            return alerts; // the first publication with multiples is where changes are measured from
        }
        Set<String> topBefore = tickers(before.topByEvToNtmRevenue());
        Set<String> topNow = tickers(now.topByEvToNtmRevenue());
        List<TickerValue> top = now.topByEvToNtmRevenue();
        for (int rank = 0; rank < top.size(); rank++) {
            TickerValue entered = top.get(rank);
            if (!topBefore.contains(entered.ticker())) {
                alerts.add(new UniverseAlert(
                        UniverseAlert.id(name, UniverseAlert.Type.TOP10_ENTERED, entered.ticker(), revised.revision()),
                        name, UniverseAlert.Type.TOP10_ENTERED, entered.ticker(), now.asOf(), entered.value(), null,
                        null, rank + 1, null, null));
            }
        }
        List<TickerValue> previousTop = before.topByEvToNtmRevenue();
        for (int rank = 0; rank < previousTop.size(); rank++) {
            TickerValue left = previousTop.get(rank);
            if (!topNow.contains(left.ticker())) {
                alerts.add(new UniverseAlert(
                        UniverseAlert.id(name, UniverseAlert.Type.TOP10_LEFT, left.ticker(), revised.revision()),
                        name, UniverseAlert.Type.TOP10_LEFT, left.ticker(), now.asOf(),
                        currentMultiple(computed, left.ticker()), left.value(), null, rank + 1, null, null));
            }
        }
        if (median.change() != null) {
            alerts.add(new UniverseAlert(UniverseAlert.id(name, UniverseAlert.Type.MEDIAN_MOVED, null,
                    revised.revision()), name, UniverseAlert.Type.MEDIAN_MOVED, null, now.asOf(),
                    now.medianEvToNtmRevenue(), median.next().baseline(), median.change(), null, null, null));
        }
        return alerts;
    }

    private Double currentMultiple(Computed computed, String ticker) {
        HeldCompany company = companies.get(ticker);
        return company != null && computed.universe.contains(ticker) ? company.figures().evToNtmRevenue() : null;
    }

    private static Set<String> tickers(List<TickerValue> values) {
        Set<String> tickers = new HashSet<>();
        values.forEach(value -> tickers.add(value.ticker()));
        return tickers;
    }

    private static GrowthBucket bucketOf(CompanyMetrics figures) {
        return figures == null || figures.ntmGrowth() == null ? null : GrowthBucket.of(figures.ntmGrowth());
    }

    /** Each universe's state to store, for a change that touched them all (a macro event). */
    public Map<String, StoredUniverse> storedUniverses() {
        Map<String, StoredUniverse> stored = new LinkedHashMap<>();
        universes.forEach((name, computed) -> stored.put(name, computed.stored()));
        return stored;
    }

    public Optional<HeldCompany> company(String ticker) {
        return Optional.ofNullable(companies.get(ticker));
    }

    public Collection<String> names() {
        return List.copyOf(universes.keySet());
    }

    public Optional<MacroEvent> macro() {
        return Optional.ofNullable(macro);
    }

    /** The members of one universe (for tests and the topology endpoint); empty when not computed here. */
    public Set<String> members(String name) {
        Computed computed = universes.get(name);
        Set<String> members = new HashSet<>();
        if (computed != null) {
            companies.keySet().stream().filter(computed.universe::contains).forEach(members::add);
        }
        return members;
    }
}
