package io.saasreport.ingest.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON shape and value rule of one event field. */
public enum FieldKind {
    TICKER {
        @Override
        Optional<String> check(JsonNode value) {
            return value.isTextual() ? EventRules.checkTicker(value.textValue()) : mustBe("a string");
        }
    },
    NAME {
        @Override
        Optional<String> check(JsonNode value) {
            return value.isTextual() ? EventRules.checkName(value.textValue()) : mustBe("a string");
        }
    },
    /** An ISO-8601 instant, e.g. 2024-03-01T21:00:00Z (an offset instead of Z is accepted and normalized to UTC). */
    INSTANT {
        @Override
        Optional<String> check(JsonNode value) {
            if (!value.isTextual()) {
                return mustBe("an ISO-8601 instant string");
            }
            try {
                Instant.parse(value.textValue());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("must be an ISO-8601 instant such as 2024-03-01T21:00:00Z, was '" + value.textValue() + "'");
            }
        }
    },
    /** An ISO local date, e.g. 2025-01-31. */
    DATE {
        @Override
        Optional<String> check(JsonNode value) {
            if (!value.isTextual()) {
                return mustBe("an ISO date string");
            }
            try {
                LocalDate.parse(value.textValue());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("must be an ISO date such as 2025-01-31, was '" + value.textValue() + "'");
            }
        }
    },
    NUMBER {
        @Override
        Optional<String> check(JsonNode value) {
            return value.isNumber() ? EventRules.checkFinite(value.decimalValue()) : mustBe("a number");
        }
    },
    PRICE {
        @Override
        Optional<String> check(JsonNode value) {
            return value.isNumber() ? EventRules.checkPrice(value.decimalValue()) : mustBe("a number");
        }
    },
    FISCAL_YEAR {
        @Override
        Optional<String> check(JsonNode value) {
            return isInteger(value) ? EventRules.checkFiscalYear(value.longValue()) : mustBe("an integer");
        }
    },
    FISCAL_QUARTER {
        @Override
        Optional<String> check(JsonNode value) {
            return isInteger(value) ? EventRules.checkFiscalQuarter(value.longValue()) : mustBe("an integer");
        }
    };

    /** The message for a value of the wrong shape or breaking the rule; empty when the value is fine. */
    abstract Optional<String> check(JsonNode value);

    private static Optional<String> mustBe(String what) {
        return Optional.of("must be " + what);
    }

    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong();
    }
}
