package io.saasreport.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.contracts.EventError;

class EventValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Position FIRST = Position.index(0);

    private static final String PRICE = """
            {"type":"price","ticker":"SNOW","price":151.2,"at":"2024-03-01T21:00:00Z"}""";
    private static final String FILING = """
            {"type":"filing","ticker":"SNOW","fiscalYear":2025,"fiscalQuarter":2,"periodEnd":"2024-07-31",
             "filedAt":"2024-08-29T21:05:00Z","revenue":868823000}""";
    private static final String ESTIMATE = """
            {"type":"estimate","ticker":"SNOW","asOf":"2024-03-01T21:00:00Z","ntmRevenue":3600000000}""";
    private static final String MACRO = """
            {"type":"macro","asOf":"2024-03-01T21:00:00Z","tenYearYield":4.25}""";
    private static final String COMPANY = """
            {"type":"company","ticker":"SNOW","name":"Snowflake Inc."}""";

    @Test
    void acceptsOneValidEventOfEachType() {
        for (String event : List.of(PRICE, FILING, ESTIMATE, MACRO, COMPANY)) {
            assertEquals(List.of(), validate(event), event);
        }
    }

    @Test
    void acceptsTickersWithDotsDashesAndDigits() {
        for (String ticker : List.of("BRK.B", "RDS-A", "A", "X1", "ABCDEFGHIJ")) {
            assertEquals(List.of(), validate(with(PRICE, "ticker", ticker)), ticker);
        }
    }

    @Test
    void rejectsMalformedTickers() {
        for (String ticker : List.of("snow", "1ABC", "ABCDEFGHIJK", "SN OW", "SNOW$")) {
            assertOnly(validate(with(PRICE, "ticker", ticker)), "ticker", "must match");
        }
        assertOnly(validate(with(PRICE, "ticker", "")), "ticker", "is required");
    }

    @Test
    void rejectsUnknownType() {
        assertOnly(validate(with(PRICE, "type", "dividend")), "type", "must be one of price, filing, estimate, macro, company");
    }

    @Test
    void rejectsMissingType() {
        assertOnly(validate(without(PRICE, "type")), "type", "is required");
    }

    @Test
    void rejectsNonStringType() {
        assertOnly(validate(with(PRICE, "type", 7)), "type", "must be a string");
    }

    @Test
    void rejectsAnythingButAnObject() {
        List<EventError> errors = EventValidator.validate(MAPPER.valueToTree(42), FIRST);
        assertEquals(List.of(new EventError(0, null, null, "must be a JSON object")), errors);
    }

    @Test
    void rejectsNonPositivePrice() {
        assertOnly(validate(with(PRICE, "price", 0)), "price", "must be > 0");
        assertOnly(validate(with(PRICE, "price", -3.5)), "price", "must be > 0");
    }

    @Test
    void rejectsPriceGivenAsString() {
        assertOnly(validate(with(PRICE, "price", "151.2")), "price", "must be a number");
    }

    @Test
    void rejectsNumbersBeyondDoubleRange() throws Exception {
        JsonNode huge = MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(PRICE.replace("151.2", "1e400"));
        assertOnly(EventValidator.validate(huge, FIRST), "price",
                "must be 0 or of a magnitude from 1e-6 to below 1e15 (no real figure is outside), was 1E+400");
    }

    @Test
    void rejectsMissingRequiredFields() {
        assertOnly(validate(without(PRICE, "at")), "at", "is required");
        assertOnly(validate(without(FILING, "revenue")), "revenue", "is required");
        assertOnly(validate(without(FILING, "filedAt")), "filedAt", "is required");
        assertOnly(validate(without(MACRO, "tenYearYield")), "tenYearYield", "is required");
        assertOnly(validate(without(COMPANY, "name")), "name", "is required");
    }

    @Test
    void treatsJsonNullAsAbsent() {
        assertEquals(List.of(), validate(with(FILING, "grossProfit", null)));
        assertOnly(validate(with(FILING, "revenue", null)), "revenue", "is required");
    }

    @Test
    void rejectsInstantsThatAreNotIsoInstants() {
        for (String at : List.of("2024-03-01", "2024-03-01T21:00:00", "yesterday", "2024-13-01T00:00:00Z")) {
            assertOnly(validate(with(PRICE, "at", at)), "at", "must be an ISO-8601 instant");
        }
        assertOnly(validate(with(PRICE, "at", 1709326800)), "at", "must be an ISO-8601 instant string");
    }

    @Test
    void acceptsInstantsWithAnOffset() {
        assertEquals(List.of(), validate(with(PRICE, "at", "2024-03-01T16:00:00-05:00")));
    }

    @Test
    void rejectsDatesThatAreNotIsoDates() {
        for (String day : List.of("31/07/2024", "2024-02-30", "2024-07-31T00:00:00Z")) {
            assertOnly(validate(with(FILING, "periodEnd", day)), "periodEnd", "must be an ISO date");
        }
    }

    @Test
    void rejectsFiscalQuarterOutsideOneToFour() {
        assertOnly(validate(with(FILING, "fiscalQuarter", 5)), "fiscalQuarter", "must be 1, 2, 3 or 4");
        assertOnly(validate(with(FILING, "fiscalQuarter", 0)), "fiscalQuarter", "must be 1, 2, 3 or 4");
        assertOnly(validate(with(FILING, "fiscalQuarter", 2.5)), "fiscalQuarter", "must be an integer");
    }

    @Test
    void rejectsImplausibleFiscalYear() {
        assertOnly(validate(with(FILING, "fiscalYear", 25)), "fiscalYear", "must be between 1900 and 2100");
        assertOnly(validate(with(FILING, "fiscalYear", "2025")), "fiscalYear", "must be an integer");
    }

    @Test
    void rejectsUnknownFields() {
        assertOnly(validate(with(FILING, "revnue", 1)), "revnue", "unknown field for a filing event");
        assertOnly(validate(with(MACRO, "ticker", "SNOW")), "ticker", "unknown field for a macro event");
    }

    @Test
    void rejectsBlankCompanyName() {
        assertOnly(validate(with(COMPANY, "name", "  ")), "name", "must not be blank");
        assertOnly(validate(with(COMPANY, "name", "")), "name", "must not be blank");
        assertOnly(validate(with(COMPANY, "name", "N".repeat(201))), "name", "must be at most 200 characters");
        assertEquals(List.of(), validate(with(COMPANY, "name", "N".repeat(200))));
    }

    @Test
    void acceptsEstimateFromFiscalYearTriple() {
        String triple = """
                {"type":"estimate","ticker":"SNOW","asOf":"2024-03-01T21:00:00Z",
                 "fy1Revenue":3.4e9,"fy2Revenue":4.2e9,"fy1End":"2025-01-31","fy1Fcf":8e8,"fy2Fcf":1e9}""";
        assertEquals(List.of(), validate(triple));
    }

    @Test
    void rejectsEstimateWithoutAnyRevenue() {
        assertOnly(validate(without(ESTIMATE, "ntmRevenue")), "ntmRevenue", "is required unless fy1Revenue, fy2Revenue and fy1End");
    }

    @Test
    void rejectsEstimateWithIncompleteFiscalYearTriple() {
        String partial = """
                {"type":"estimate","ticker":"SNOW","asOf":"2024-03-01T21:00:00Z","fy1Revenue":3.4e9,"fy2Revenue":4.2e9}""";
        assertOnly(validate(partial), "fy1End", "is required with the other fiscal-year estimates");
    }

    @Test
    void rejectsEstimateWithOneFiscalYearFcf() {
        List<EventError> errors = validate(with(ESTIMATE, "fy1Fcf", 8e8));
        assertEquals(List.of("fy2Fcf", "fy1End"), errors.stream().map(EventError::field).toList());
        assertTrue(errors.stream().allMatch(error -> error.message().startsWith("is required to derive ntmFcf")));
    }

    @Test
    void listsEveryDefectOfAnEvent() {
        String bad = """
                {"type":"filing","ticker":"snow","fiscalYear":2025,"fiscalQuarter":9,"periodEnd":"2024-07-31",
                 "filedAt":"2024-08-29T21:05:00Z","extra":1}""";
        List<String> fields = validate(bad).stream().map(EventError::field).toList();
        assertEquals(List.of("extra", "ticker", "fiscalQuarter", "revenue"), fields);
    }

    @Test
    void namesTheLineForNdjsonPositions() {
        List<EventError> errors = EventValidator.validate(tree(with(PRICE, "price", 0)), Position.line(7));
        assertEquals(new EventError(null, 7, "price", "must be > 0"), errors.get(0));
    }

    private static List<EventError> validate(String json) {
        return EventValidator.validate(tree(json), FIRST);
    }

    private static void assertOnly(List<EventError> errors, String field, String messageStart) {
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(field, errors.get(0).field(), errors.toString());
        assertEquals(0, errors.get(0).index());
        assertTrue(errors.get(0).message().startsWith(messageStart), errors.get(0).message());
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String with(String json, String field, Object value) {
        ObjectNode node = (ObjectNode) tree(json);
        node.set(field, MAPPER.valueToTree(value));
        return node.toString();
    }

    private static String without(String json, String field) {
        ObjectNode node = (ObjectNode) tree(json);
        node.remove(field);
        return node.toString();
    }
}
