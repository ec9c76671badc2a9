package io.saasreport.metrics.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares JSON trees: same object keys, same array lengths and order, equal strings, nulls exactly where
 * expected, numbers within a relative tolerance.
 */
public final class JsonComparison {

    static final double RELATIVE_TOLERANCE = 1e-9;

    private JsonComparison() {
    }

    public static void assertMatches(JsonNode expected, JsonNode actual, String path) {
        List<String> differences = new ArrayList<>();
        compare(expected, actual, path, differences);
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s):\n  " + String.join("\n  ", differences));
        }
    }

    /** Compares only the keys of {@code expected}; used where the actual object carries extra fields. */
    public static void assertMatchesFields(JsonNode expected, JsonNode actual, String path) {
        List<String> differences = new ArrayList<>();
        for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!actual.has(name)) {
                differences.add(path + "." + name + ": missing");
            } else {
                compare(expected.get(name), actual.get(name), path + "." + name, differences);
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s):\n  " + String.join("\n  ", differences));
        }
    }

    /**
     * The universe without the quartiles (every {@code quartiles...} and {@code operatingQuartiles} field, at any
     * depth): the fields of the spec's worked example, which has no quartiles. Those are checked on their own.
     */
    public static JsonNode withoutQuartiles(JsonNode universe) {
        JsonNode copy = universe.deepCopy();
        stripQuartiles(copy);
        return copy;
    }

    private static void stripQuartiles(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            List<String> quartiles = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("quartiles") || name.equals("operatingQuartiles")) {
                    quartiles.add(name);
                }
            });
            object.remove(quartiles);
            object.forEach(JsonComparison::stripQuartiles);
        } else if (node.isArray()) {
            node.forEach(JsonComparison::stripQuartiles);
        }
    }

    static boolean closeEnough(double expected, double actual) {
        if (expected == actual) {
            return true;
        }
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> differences) {
        if (expected.isNull() || actual.isNull()) {
            if (expected.isNull() != actual.isNull()) {
                differences.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || !closeEnough(expected.doubleValue(), actual.doubleValue())) {
                differences.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                differences.add(path + ": expected an object but was " + actual);
                return;
            }
            Set<String> expectedKeys = keys(expected);
            Set<String> actualKeys = keys(actual);
            if (!expectedKeys.equals(actualKeys)) {
                differences.add(path + ": keys " + actualKeys + " differ from expected " + expectedKeys);
            }
            for (String key : expectedKeys) {
                if (actual.has(key)) {
                    compare(expected.get(key), actual.get(key), path + "." + key, differences);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                differences.add(path + ": expected " + expected + " but was " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), path + "[" + i + "]", differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
