package io.saasreport.metrics.domain.company;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Kept by the calculator beside each value it computes: which inputs the value uses and, when it is null, why. A
 * value read from an input names that input and its own reason; a value computed from others inherits their inputs,
 * and when it is null, the reasons of those that are null, or its own condition when none is.
 */
final class FigureTrace {

    private record Term(Double value, Set<String> uses, List<String> missing) {
    }

    private final Map<String, Term> terms = new HashMap<>();

    /** A value read from {@code input}; {@code missing} says why it is null (asked only then). */
    Double input(String name, Double value, String input, Supplier<String> missing) {
        terms.put(name, new Term(value, Set.of(input), value == null ? List.of(missing.get()) : List.of()));
        return value;
    }

    /** A value that needs a whole input (an LTM needs its quarters): null with {@code missing} when it is absent. */
    Double requiring(String name, Double value, String input, String missingInput, Supplier<String> otherwise) {
        if (value == null) {
            return input(name, null, input, missingInput != null ? () -> missingInput : otherwise);
        }
        return input(name, value, input, otherwise);
    }

    /**
     * A value computed from the named ones. When it is null although none of them is, {@code otherwise} says why (a
     * non-positive base, a division by zero).
     */
    Double derived(String name, Double value, String otherwise, String... from) {
        Set<String> uses = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String input : from) {
            Term term = term(input);
            uses.addAll(term.uses());
            missing.addAll(term.missing());
        }
        List<String> reasons = value != null ? List.of()
                : !missing.isEmpty() ? new ArrayList<>(missing)
                : List.of(otherwise != null ? otherwise : name + " is not a finite number");
        terms.put(name, new Term(value, uses, reasons));
        return value;
    }

    /** The named figures' inputs (in {@link CompanySources#INPUTS} order) and reasons, in the given order. */
    Map<String, CompanySources.FigureSource> figures(List<String> names) {
        Map<String, CompanySources.FigureSource> figures = new LinkedHashMap<>();
        for (String name : names) {
            Term term = term(name);
            List<String> uses = new ArrayList<>(term.uses().size());
            for (String input : CompanySources.INPUTS) {
                if (term.uses().contains(input)) {
                    uses.add(input);
                }
            }
            figures.put(name, new CompanySources.FigureSource(uses,
                    term.missing().isEmpty() ? null : String.join("; ", term.missing())));
        }
        return figures;
    }

    private Term term(String name) {
        Term term = terms.get(name);
        if (term == null) {
            throw new IllegalStateException("no value named " + name + " traced yet among " + Arrays.toString(terms.keySet().toArray()));
        }
        return term;
    }
}
