package io.saasreport.ingest.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;

import io.saasreport.contracts.EventError;

/**
 * Checks one JSON event against its topic's JSON Schema (the contracts module, through {@link EventContract})
 * and the rules a schema cannot state, and lists every defect in the API's words ({@link ViolationMessages}).
 * Unknown fields are refused rather than dropped: a misspelt optional field ("grossProfitt") would
 * otherwise vanish without anyone noticing. A JSON {@code null} counts as an absent field.
 */
public final class EventValidator {

    /** The meter tag for an event whose type cannot be read. */
    public static final String UNKNOWN_TYPE = "unknown";

    private static final String TYPE_FIELD = "type";

    public static List<EventError> validate(JsonNode event, Position at) {
        if (!event.isObject()) {
            return List.of(at.error(null, "must be a JSON object"));
        }
        Optional<EventType> type = typeOf(event);
        if (type.isEmpty()) {
            return List.of(at.error(TYPE_FIELD, typeProblem(event.get(TYPE_FIELD))));
        }
        ObjectNode present = withoutNulls((ObjectNode) event);
        // Values no schema keyword may look at first: a figure out of bounds (some keywords do arithmetic on it)
        // and text with control characters. Such a field is named for that alone and left out of the schema check.
        Map<String, String> unfit = unfitValues(type.get(), present);
        Map<String, List<Error>> byField = violationsByField(type.get(), without(present, unfit.keySet()));
        List<EventError> errors = new ArrayList<>();
        for (Iterator<String> names = present.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (byField.getOrDefault(name, List.of()).stream().anyMatch(v -> v.getKeyword().equals("additionalProperties"))) {
                errors.add(at.error(name, "unknown field for a " + type.get().wireName() + " event"));
            }
        }
        for (String field : EventContract.fieldNames(type.get())) {
            List<Error> violations = byField.getOrDefault(field, List.of());
            if (unfit.containsKey(field)) {
                errors.add(at.error(field, unfit.get(field)));
            } else if (violations.stream().anyMatch(v -> v.getKeyword().equals("required"))) {
                errors.add(at.error(field, "is required"));
            } else if (!violations.isEmpty()) {
                errors.add(at.error(field, ViolationMessages.ofFirst(violations)));
            }
        }
        if (type.get() == EventType.ESTIMATE) {
            errors.addAll(checkEstimateAlternatives(present, at));
        }
        return errors;
    }

    /**
     * The violations of each field: a missing or unknown field is named by the object's own 'required' or
     * 'additionalProperties'; a bad value by its location. The estimate's alternatives (the schema's
     * allOf/anyOf) are left to {@link #checkEstimateAlternatives}, which names the missing fields.
     */
    private static Map<String, List<Error>> violationsByField(EventType type, JsonNode event) {
        Map<String, List<Error>> byField = new LinkedHashMap<>();
        for (Error violation : EventContract.violations(type, event)) {
            String field = null;
            if (violation.getInstanceLocation().getNameCount() == 1) {
                field = violation.getInstanceLocation().getName(0);
            } else if (violation.getEvaluationPath().getNameCount() == 1 && violation.getProperty() != null) {
                field = violation.getProperty();
            }
            if (field != null) {
                byField.computeIfAbsent(field, name -> new ArrayList<>()).add(violation);
            }
        }
        return byField;
    }

    /**
     * The fields of {@code type} whose value is a number that cannot be a figure, or text with control characters,
     * and why (an unknown field is refused as such, whatever its value).
     */
    private static Map<String, String> unfitValues(EventType type, ObjectNode event) {
        Map<String, String> unfit = new LinkedHashMap<>();
        for (String name : EventContract.fieldNames(type)) {
            JsonNode value = event.path(name);
            Optional<String> problem = value.isNumber() ? Figures.check(value.decimalValue())
                    : value.isTextual() ? EventRules.checkText(value.textValue()) : Optional.empty();
            problem.ifPresent(message -> unfit.put(name, message));
        }
        return unfit;
    }

    private static ObjectNode without(ObjectNode event, Set<String> fields) {
        if (fields.isEmpty()) {
            return event;
        }
        ObjectNode rest = event.deepCopy();
        rest.remove(fields);
        return rest;
    }

    private static ObjectNode withoutNulls(ObjectNode event) {
        ObjectNode present = event.deepCopy();
        present.properties().removeIf(field -> field.getValue().isNull());
        return present;
    }

    /** The event's type name for meter tags, or {@value #UNKNOWN_TYPE}. */
    public static String typeTag(JsonNode event) {
        return typeOf(event).map(EventType::wireName).orElse(UNKNOWN_TYPE);
    }

    private static Optional<EventType> typeOf(JsonNode event) {
        JsonNode type = event.isObject() ? event.get(TYPE_FIELD) : null;
        return type != null && type.isTextual() ? EventType.fromWireName(type.textValue()) : Optional.empty();
    }

    private static String typeProblem(JsonNode type) {
        if (isAbsent(type)) {
            return "is required, one of " + EventType.wireNames();
        }
        if (!type.isTextual()) {
            return "must be a string, one of " + EventType.wireNames();
        }
        return "must be one of " + EventType.wireNames() + ", was '" + type.textValue() + "'";
    }

    /** ntmRevenue, or else fy1Revenue + fy2Revenue + fy1End; fy1Fcf/fy2Fcf likewise need each other and fy1End. */
    private static List<EventError> checkEstimateAlternatives(JsonNode event, Position at) {
        List<EventError> errors = new ArrayList<>();
        if (isAbsent(event.get("ntmRevenue"))) {
            List<String> missing = absent(event, "fy1Revenue", "fy2Revenue", "fy1End");
            if (missing.size() == 3) {
                errors.add(at.error("ntmRevenue", "is required unless fy1Revenue, fy2Revenue and fy1End are given"));
            } else {
                missing.forEach(field -> errors.add(at.error(field,
                        "is required with the other fiscal-year estimates when ntmRevenue is absent")));
            }
        }
        boolean fcfFromFiscalYears = isAbsent(event.get("ntmFcf"))
                && absent(event, "fy1Fcf", "fy2Fcf").size() < 2;
        if (fcfFromFiscalYears) {
            absent(event, "fy1Fcf", "fy2Fcf", "fy1End").stream()
                    .filter(field -> errors.stream().noneMatch(error -> field.equals(error.field())))
                    .forEach(field -> errors.add(at.error(field,
                            "is required to derive ntmFcf from fy1Fcf and fy2Fcf")));
        }
        return errors;
    }

    private static List<String> absent(JsonNode event, String... fields) {
        return Arrays.stream(fields).filter(field -> isAbsent(event.get(field))).toList();
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }

    private EventValidator() {
    }
}
