package io.saasreport.report.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A field of {@link CompanyMetrics}, read from the record's components so that the sortable fields, the CSV
 * columns and the JSON shape can never drift apart: adding a metric to the record adds it everywhere.
 */
public final class CompanyField {

    public static final List<CompanyField> ALL = Arrays.stream(CompanyMetrics.class.getRecordComponents())
            .map(CompanyField::new)
            .toList();

    /** The figures: every field but the identifying ones (ticker, name, asOf), in order. */
    public static final List<CompanyField> FIGURES = ALL.stream().filter(field -> field.type == Double.class).toList();

    private static final Comparator<CompanyMetrics> BY_TICKER = Comparator.comparing(CompanyMetrics::ticker);

    private final String name;
    private final Method accessor;
    private final Class<?> type;

    private CompanyField(RecordComponent component) {
        this.name = component.getName();
        this.accessor = component.getAccessor();
        this.type = component.getType();
    }

    public static Optional<CompanyField> named(String name) {
        return ALL.stream().filter(field -> field.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(CompanyField::name).toList();
    }

    public String name() {
        return name;
    }

    /** The field's value: a {@link String}, an {@link java.time.Instant} or a {@link Double}; null when unknown. */
    public Object valueOf(CompanyMetrics company) {
        try {
            return accessor.invoke(company);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + company.ticker(), e);
        }
    }

    /** Orders companies by this field, unknown values last in either direction, ties by ticker. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Comparator<CompanyMetrics> ordering(SortOrder order) {
        Comparator<Comparable> direction = order == SortOrder.DESC ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<CompanyMetrics> byValue = Comparator.comparing(
                company -> (Comparable) valueOf(company), Comparator.nullsLast(direction));
        return byValue.thenComparing(BY_TICKER);
    }

    @Override
    public String toString() {
        return name;
    }
}
