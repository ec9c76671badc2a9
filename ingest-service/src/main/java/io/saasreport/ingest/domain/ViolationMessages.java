package io.saasreport.ingest.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;

/**
 * The API's words for a schema violation of one field: the validator's keyword and the schema around it
 * give the message the ingest API has always answered (its problem details are part of the API).
 */
final class ViolationMessages {

    /** When a field breaks several keywords, the first of these names its defect. */
    private static final List<String> PRECEDENCE = List.of("type", "minLength", "format", "pattern", "maxLength", "enum",
            "exclusiveMinimum", "minimum", "maximum");

    /** A pattern that only says "some non-space character". */
    private static final String NOT_BLANK = "\\S";

    private static final Map<String, String> SHAPE_BY_FORMAT = Map.of(
            "date-time", "an ISO-8601 instant string",
            "date", "an ISO date string");

    private static final Map<String, String> SHAPE_BY_TYPE = Map.of(
            "integer", "an integer",
            "number", "a number",
            "string", "a string");

    private static final Map<String, String> FORMAT_EXAMPLE = Map.of(
            "date-time", "an ISO-8601 instant such as 2024-03-01T21:00:00Z",
            "date", "an ISO date such as 2025-01-31");

    /** The message for a field's violations: the one that names its defect best (a wrong type before a bad value). */
    static String ofFirst(List<Error> violations) {
        return of(violations.stream().min(Comparator.comparingInt(violation -> rank(violation.getKeyword()))).orElseThrow());
    }

    /** The message for a violation of a field's own schema. */
    static String of(Error violation) {
        JsonNode rule = violation.getSchemaNode();
        return switch (violation.getKeyword()) {
            case "type" -> "must be " + shapeOf(EventContract.schemaAround(violation));
            case "minLength" -> "is required";
            case "maxLength" -> "must be at most " + rule.asText() + " characters";
            case "pattern" -> NOT_BLANK.equals(rule.asText()) ? "must not be blank" : "must match " + rule.asText();
            case "format" -> "must be " + FORMAT_EXAMPLE.getOrDefault(rule.asText(), rule.asText())
                    + ", was '" + violation.getInstanceNode().asText() + "'";
            case "exclusiveMinimum" -> "must be > " + rule.asText();
            case "minimum", "maximum" -> range(EventContract.schemaAround(violation));
            case "enum" -> "must be " + oneOf(rule);
            default -> violation.getMessage();
        };
    }

    private static int rank(String keyword) {
        int rank = PRECEDENCE.indexOf(keyword);
        return rank < 0 ? PRECEDENCE.size() : rank;
    }

    private static String shapeOf(JsonNode fieldSchema) {
        JsonNode format = fieldSchema.get("format");
        if (format != null && SHAPE_BY_FORMAT.containsKey(format.asText())) {
            return SHAPE_BY_FORMAT.get(format.asText());
        }
        String type = fieldSchema.path("type").asText();
        return SHAPE_BY_TYPE.getOrDefault(type, "of type " + type);
    }

    private static String range(JsonNode fieldSchema) {
        JsonNode minimum = fieldSchema.get("minimum");
        JsonNode maximum = fieldSchema.get("maximum");
        if (minimum != null && maximum != null) {
            return "must be between " + minimum.asText() + " and " + maximum.asText();
        }
        return minimum != null ? "must be >= " + minimum.asText() : "must be <= " + maximum.asText();
    }

    /** "1, 2, 3 or 4". */
    private static String oneOf(JsonNode values) {
        List<String> texts = new ArrayList<>(StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList());
        String last = texts.remove(texts.size() - 1);
        return texts.isEmpty() ? last : String.join(", ", texts) + " or " + last;
    }

    private ViolationMessages() {
    }
}
