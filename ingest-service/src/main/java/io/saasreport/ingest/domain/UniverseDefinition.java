package io.saasreport.ingest.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.contracts.EventError;
import io.saasreport.universe.rule.RuleSyntaxException;
import io.saasreport.universe.rule.UniverseNames;
import io.saasreport.universe.rule.UniverseRules;

/**
 * A named universe as published on {@code universe.definitions} (key: its name): a list of tickers or a rule over
 * company figures (grammar {@code UniverseRule.g4} of the universe-rule module), never both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UniverseDefinition(String name, List<String> tickers, String rule, Instant definedAt) {

    /** The type tag of the rejection meter for definitions. */
    public static final String TYPE_TAG = "universe";
    public static final int MAX_TICKERS = 5000;

    /**
     * Reads a {@code PUT /api/v1/universes/{name}} body ({@code {"tickers": [...]}} or {@code {"rule": "..."}});
     * every fault is named, the rule's with its position.
     */
    public static UniverseDefinition read(String name, JsonNode body, Instant definedAt) {
        List<EventError> errors = new ArrayList<>();
        String nameProblem = UniverseNames.problemWith(name);
        if (nameProblem != null) {
            errors.add(new EventError(null, null, "name", nameProblem));
        }
        if (body == null || !body.isObject()) {
            errors.add(new EventError(null, null, null, "must be a JSON object with either tickers or rule"));
            throw RejectedRequestException.invalid(errors, Map.of(TYPE_TAG, 1));
        }
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            if (!field.equals("tickers") && !field.equals("rule")) {
                errors.add(new EventError(null, null, field, "is not a field of a universe (tickers or rule)"));
            }
        }
        boolean hasTickers = body.hasNonNull("tickers");
        boolean hasRule = body.hasNonNull("rule");
        List<String> tickers = null;
        String rule = null;
        if (hasTickers == hasRule) {
            errors.add(new EventError(null, null, null, "a universe has either tickers or a rule, exactly one"));
        } else if (hasTickers) {
            tickers = tickers(body.get("tickers"), errors);
        } else if (!body.get("rule").isTextual()) {
            errors.add(new EventError(null, null, "rule", "must be a string"));
        } else {
            rule = body.get("rule").asText();
            try {
                UniverseRules.parse(rule);
            } catch (RuleSyntaxException e) {
                errors.add(new EventError(null, null, "rule", e.getMessage(), e.position()));
            }
        }
        if (!errors.isEmpty()) {
            throw RejectedRequestException.invalid(errors, Map.of(TYPE_TAG, 1));
        }
        return new UniverseDefinition(name, tickers, rule, definedAt);
    }

    private static List<String> tickers(JsonNode node, List<EventError> errors) {
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new EventError(null, null, "tickers", "must be a non-empty array of tickers"));
            return null;
        }
        if (node.size() > MAX_TICKERS) {
            errors.add(new EventError(null, null, "tickers", "must hold at most " + MAX_TICKERS + " tickers"));
            return null;
        }
        Set<String> tickers = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode ticker = node.get(i);
            String problem = ticker.isTextual() ? EventRules.checkTicker(ticker.asText()).orElse(null)
                    : "must be a string";
            if (problem != null) {
                errors.add(new EventError(i, null, "tickers", problem));
            } else {
                tickers.add(ticker.asText());
            }
        }
        return List.copyOf(tickers);
    }
}
