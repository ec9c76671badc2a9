package io.saasreport.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares figures field by field: numbers within a relative tolerance, nulls and order exact. */
final class JsonFigures {

    static final double RELATIVE_TOLERANCE = 1e-9;

    /** Every difference between {@code expected} and {@code actual}; fields only in {@code actual} are ignored. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing");
        } else if (expected.isNull() || actual.isNull()) {
            if (expected.isNull() != actual.isNull()) {
                out.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || !close(expected.doubleValue(), actual.doubleValue())) {
                out.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path + "." + field.getKey(), field.getValue(), actual.path(field.getKey()), out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(path + ": expected " + expected.size() + " elements but was " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static boolean close(double expected, double actual) {
        if (expected == actual) {
            return true;
        }
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    private JsonFigures() {
    }
}
