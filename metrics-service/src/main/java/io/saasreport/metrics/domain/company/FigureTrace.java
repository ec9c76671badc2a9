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

    /**
     * The inputs a value uses, as bits in {@link CompanySources#INPUTS} order: a figure's uses are one of 128 sets,
     * each list made once, so a company's trace (28 figures at every publication) builds no sets.
     */
    private record Term(Double value, int uses, List<String> missing) {
    }

    private static final List<List<String>> USES_BY_BITS = usesByBits();

    private final Map<String, Term> terms = new HashMap<>();

    /** A value read from {@code input}; {@code missing} says why it is null (asked only then). */
    Double input(String name, Double value, String input, Supplier<String> missing) {
        terms.put(name, new Term(value, bit(input), value == null ? List.of(missing.get()) : List.of()));
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
        int uses = 0;
        Set<String> missing = null;
        for (String input : from) {
            Term term = term(input);
            uses |= term.uses();
            if (value == null && !term.missing().isEmpty()) {
                if (missing == null) {
                    missing = new LinkedHashSet<>();
                }
                missing.addAll(term.missing());
            }
        }
        List<String> reasons = value != null ? List.of()
                : missing != null ? List.copyOf(missing)
                : List.of(otherwise != null ? otherwise : name + " is not a finite number");
        terms.put(name, new Term(value, uses, reasons));
        return value;
    }

    /** The named figures' inputs (in {@link CompanySources#INPUTS} order) and reasons, in the given order. */
    Map<String, CompanySources.FigureSource> figures(List<String> names) {
        Map<String, CompanySources.FigureSource> figures = new LinkedHashMap<>();
        for (String name : names) {
            Term term = term(name);
            figures.put(name, new CompanySources.FigureSource(USES_BY_BITS.get(term.uses()),
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

    private static int bit(String input) {
        int index = CompanySources.INPUTS.indexOf(input);
        if (index < 0) {
            throw new IllegalArgumentException("no input named " + input + " among " + CompanySources.INPUTS);
        }
        return 1 << index;
    }

    private static List<List<String>> usesByBits() {
        List<List<String>> lists = new ArrayList<>(1 << CompanySources.INPUTS.size());
        for (int bits = 0; bits < 1 << CompanySources.INPUTS.size(); bits++) {
            List<String> uses = new ArrayList<>();
            for (int i = 0; i < CompanySources.INPUTS.size(); i++) {
                if ((bits & 1 << i) != 0) {
                    uses.add(CompanySources.INPUTS.get(i));
                }
            }
            lists.add(List.copyOf(uses));
        }
        return List.copyOf(lists);
    }
}
