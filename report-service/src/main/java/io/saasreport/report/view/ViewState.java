package io.saasreport.report.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.saasreport.report.domain.CompanyField;
import io.saasreport.report.domain.GrowthBucket;
import io.saasreport.report.domain.SortOrder;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseSnapshot;

/**
 * One immutable state of the view: every company (by ticker), every universe (by name) and the newest alerts. Answers derived from it (sorted tables,
 * the universe's sections) are computed on first request and kept with it, so they cost nothing until it changes.
 */
public final class ViewState {

    static final ViewState EMPTY = new ViewState(0, new TreeMap<>(), new TreeMap<>(), List.of());

    private final long version;
    private final SortedMap<String, CompanyEntry> companies;
    private final SortedMap<String, UniverseEntry> universes;
    private final List<UniverseAlert> alerts;
    private final Map<String, Object> derived = new ConcurrentHashMap<>();

    ViewState(long version, SortedMap<String, CompanyEntry> companies, SortedMap<String, UniverseEntry> universes,
            List<UniverseAlert> alerts) {
        this.version = version;
        this.companies = Collections.unmodifiableSortedMap(companies);
        this.universes = Collections.unmodifiableSortedMap(universes);
        this.alerts = List.copyOf(alerts);
    }

    public long version() {
        return version;
    }

    /** Every company, by ticker. */
    public SortedMap<String, CompanyEntry> companies() {
        return companies;
    }

    /** The default universe (every company). */
    public Optional<UniverseEntry> universe() {
        return universe(UniverseSnapshot.KEY);
    }

    public Optional<UniverseEntry> universe(String name) {
        return Optional.ofNullable(universes.get(name));
    }

    /** Every universe by name, the default one ({@code universe}) included. */
    public SortedMap<String, UniverseEntry> universes() {
        return universes;
    }

    /** The newest alerts held, in the order they arrived. */
    public List<UniverseAlert> alerts() {
        return alerts;
    }

    /** The companies (or those of one bucket) ordered by a field, unknown values last, ties by ticker. */
    public List<CompanyEntry> table(Optional<GrowthBucket> bucket, CompanyField field, SortOrder order) {
        return derived("table:" + bucket.map(Enum::name).orElse("") + ':' + field.name() + ':' + order,
                () -> sorted(bucket, field, order));
    }

    /** An answer computed once per state. */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Supplier<T> compute) {
        return (T) derived.computeIfAbsent(key, ignored -> compute.get());
    }

    private List<CompanyEntry> sorted(Optional<GrowthBucket> bucket, CompanyField field, SortOrder order) {
        List<Keyed> rows = new ArrayList<>(companies.size());
        for (CompanyEntry entry : companies.values()) {
            if (bucket.isEmpty() || GrowthBucket.of(entry.metrics()).equals(bucket)) {
                rows.add(new Keyed(sortKey(field.valueOf(entry.metrics())), entry));
            }
        }
        // Each row's value is read once; the comparisons then touch no reflection. The map is already by ticker,
        // and the sort is stable: ties stay by ticker.
        Comparator<Comparable<Object>> direction = order == SortOrder.DESC ? Comparator.reverseOrder() : Comparator.naturalOrder();
        rows.sort(Comparator.comparing(Keyed::key, Comparator.nullsLast(direction)));
        return rows.stream().map(Keyed::entry).toList();
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortKey(Object value) {
        return (Comparable<Object>) value;
    }

    private record Keyed(Comparable<Object> key, CompanyEntry entry) {
    }
}
