package io.saasreport.ingest.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one JSON event against {@link EventSchema} and {@link EventRules} and lists every defect.
 * Unknown fields are refused rather than dropped: a misspelt optional field ("grossProfitt") would
 * otherwise vanish without anyone noticing. A JSON {@code null} counts as an absent field.
 */
public final class EventValidator {

    /** The meter tag for an event whose type cannot be read. */
    public static final String UNKNOWN_TYPE = "unknown";

    public static List<EventError> validate(JsonNode event, Position at) {
        if (!event.isObject()) {
            return List.of(EventError.at(at, null, "must be a JSON object"));
        }
        Optional<EventType> type = typeOf(event);
        if (type.isEmpty()) {
            return List.of(EventError.at(at, EventSchema.TYPE_FIELD, typeProblem(event.get(EventSchema.TYPE_FIELD))));
        }
        Map<String, EventSchema.Field> fields = EventSchema.fieldsOf(type.get());
        List<EventError> errors = new ArrayList<>();
        for (Iterator<String> names = event.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals(EventSchema.TYPE_FIELD) && !fields.containsKey(name)) {
                errors.add(EventError.at(at, name, "unknown field for a " + type.get().wireName() + " event"));
            }
        }
        for (EventSchema.Field field : fields.values()) {
            JsonNode value = event.get(field.name());
            if (isAbsent(value)) {
                if (field.required()) {
                    errors.add(EventError.at(at, field.name(), "is required"));
                }
                continue;
            }
            field.kind().check(value).ifPresent(message -> errors.add(EventError.at(at, field.name(), message)));
        }
        if (type.get() == EventType.ESTIMATE) {
            errors.addAll(checkEstimateAlternatives(event, at));
        }
        return errors;
    }

    /** The event's type name for meter tags, or {@value #UNKNOWN_TYPE}. */
    public static String typeTag(JsonNode event) {
        return typeOf(event).map(EventType::wireName).orElse(UNKNOWN_TYPE);
    }

    private static Optional<EventType> typeOf(JsonNode event) {
        JsonNode type = event.isObject() ? event.get(EventSchema.TYPE_FIELD) : null;
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
                errors.add(EventError.at(at, "ntmRevenue", "is required unless fy1Revenue, fy2Revenue and fy1End are given"));
            } else {
                missing.forEach(field -> errors.add(EventError.at(at, field,
                        "is required with the other fiscal-year estimates when ntmRevenue is absent")));
            }
        }
        boolean fcfFromFiscalYears = isAbsent(event.get("ntmFcf"))
                && absent(event, "fy1Fcf", "fy2Fcf").size() < 2;
        if (fcfFromFiscalYears) {
            absent(event, "fy1Fcf", "fy2Fcf", "fy1End").stream()
                    .filter(field -> errors.stream().noneMatch(error -> field.equals(error.field())))
                    .forEach(field -> errors.add(EventError.at(at, field,
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
