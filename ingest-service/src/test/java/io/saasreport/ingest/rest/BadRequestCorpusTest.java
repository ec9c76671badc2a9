package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * A corpus of bad requests, each answered 400 problem+json naming the bad event and why (415 for a media type the
 * endpoint does not read, 413 for a body over the limit); then proof
 * that none of them published anything: after the corpus, one valid sentinel event is the only record
 * written to any input topic since the corpus began.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadRequestCorpusTest {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";

    private static final String PRICE = "{\"type\":\"price\",\"ticker\":\"BADR\",\"price\":151.2,\"at\":\"2024-03-01T21:00:00Z\"}";
    private static final String FILING = "{\"type\":\"filing\",\"ticker\":\"BADR\",\"fiscalYear\":2025,\"fiscalQuarter\":2,"
            + "\"periodEnd\":\"2024-07-31\",\"filedAt\":\"2024-08-29T21:05:00Z\",\"revenue\":868823000}";
    private static final String ESTIMATE = "{\"type\":\"estimate\",\"ticker\":\"BADR\",\"asOf\":\"2024-03-01T21:00:00Z\","
            + "\"ntmRevenue\":3600000000}";
    private static final String MACRO = "{\"type\":\"macro\",\"asOf\":\"2024-03-01T21:00:00Z\",\"tenYearYield\":4.25}";
    private static final String COMPANY = "{\"type\":\"company\",\"ticker\":\"BADR\",\"name\":\"Bad Request Inc.\"}";

    private static Map<TopicPartition, Long> beforeCorpus;

    @BeforeAll
    static void noteEndOffsets() {
        beforeCorpus = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        // --- the type ---
        cases.add(secondOfArray("unknown type", PRICE.replace("\"price\",\"ticker\"", "\"dividend\",\"ticker\""), "type"));
        cases.add(secondOfArray("missing type", PRICE.replace("\"type\":\"price\",", ""), "type"));
        cases.add(secondOfArray("type not a string", PRICE.replace("\"type\":\"price\"", "\"type\":7"), "type"));
        cases.add(secondOfArray("element not an object", "42", null));
        // --- tickers ---
        cases.add(secondOfArray("missing ticker", PRICE.replace("\"ticker\":\"BADR\",", ""), "ticker"));
        cases.add(secondOfArray("lower-case ticker", PRICE.replace("BADR", "badr"), "ticker"));
        cases.add(secondOfArray("ticker too long", PRICE.replace("BADR", "ABCDEFGHIJK"), "ticker"));
        cases.add(secondOfArray("ticker with a space", COMPANY.replace("BADR", "BA DR"), "ticker"));
        cases.add(secondOfArray("ticker not a string", ESTIMATE.replace("\"BADR\"", "123"), "ticker"));
        // --- prices ---
        cases.add(secondOfArray("zero price", PRICE.replace("151.2", "0"), "price"));
        cases.add(secondOfArray("negative price", PRICE.replace("151.2", "-1.5"), "price"));
        cases.add(secondOfArray("price as a string", PRICE.replace("151.2", "\"151.2\""), "price"));
        cases.add(secondOfArray("missing price", PRICE.replace("\"price\":151.2,", ""), "price"));
        cases.add(secondOfArray("price beyond double range", PRICE.replace("151.2", "1e400"), "price"));
        // --- instants ---
        cases.add(secondOfArray("missing at", PRICE.replace(",\"at\":\"2024-03-01T21:00:00Z\"", ""), "at"));
        cases.add(secondOfArray("at as a date only", PRICE.replace("2024-03-01T21:00:00Z", "2024-03-01"), "at"));
        cases.add(secondOfArray("at without zone", PRICE.replace("2024-03-01T21:00:00Z", "2024-03-01T21:00:00"), "at"));
        cases.add(secondOfArray("at with month 13", PRICE.replace("2024-03-01T21:00:00Z", "2024-13-01T21:00:00Z"), "at"));
        cases.add(secondOfArray("at as epoch number", PRICE.replace("\"2024-03-01T21:00:00Z\"", "1709326800"), "at"));
        // --- filings ---
        cases.add(secondOfArray("fiscal quarter 5", FILING.replace("\"fiscalQuarter\":2", "\"fiscalQuarter\":5"), "fiscalQuarter"));
        cases.add(secondOfArray("fiscal quarter 0", FILING.replace("\"fiscalQuarter\":2", "\"fiscalQuarter\":0"), "fiscalQuarter"));
        cases.add(secondOfArray("fractional fiscal quarter", FILING.replace("\"fiscalQuarter\":2", "\"fiscalQuarter\":2.5"), "fiscalQuarter"));
        cases.add(secondOfArray("fiscal year 99999", FILING.replace("2025", "99999"), "fiscalYear"));
        cases.add(secondOfArray("fiscal year as a string", FILING.replace("2025", "\"2025\""), "fiscalYear"));
        cases.add(secondOfArray("missing fiscal year", FILING.replace("\"fiscalYear\":2025,", ""), "fiscalYear"));
        cases.add(secondOfArray("period end day-first", FILING.replace("2024-07-31", "31/07/2024"), "periodEnd"));
        cases.add(secondOfArray("period end 30 February", FILING.replace("2024-07-31", "2024-02-30"), "periodEnd"));
        cases.add(secondOfArray("filedAt not an instant", FILING.replace("2024-08-29T21:05:00Z", "yesterday"), "filedAt"));
        cases.add(secondOfArray("missing revenue", FILING.replace(",\"revenue\":868823000", ""), "revenue"));
        cases.add(secondOfArray("revenue as text", FILING.replace("868823000", "\"868M\""), "revenue"));
        cases.add(secondOfArray("gross profit as boolean", FILING.replace("}", ",\"grossProfit\":true}"), "grossProfit"));
        cases.add(secondOfArray("misspelt field", FILING.replace("}", ",\"grossProfitt\":1}"), "grossProfitt"));
        // --- estimates ---
        cases.add(secondOfArray("estimate without revenue", ESTIMATE.replace(",\"ntmRevenue\":3600000000", ""), "ntmRevenue"));
        cases.add(secondOfArray("estimate triple without fy1End",
                ESTIMATE.replace("\"ntmRevenue\":3600000000", "\"fy1Revenue\":3.4e9,\"fy2Revenue\":4.2e9"), "fy1End"));
        cases.add(secondOfArray("estimate fy1End malformed",
                ESTIMATE.replace("\"ntmRevenue\":3600000000", "\"fy1Revenue\":3.4e9,\"fy2Revenue\":4.2e9,\"fy1End\":\"Jan 2025\""), "fy1End"));
        cases.add(secondOfArray("estimate fy1Fcf alone", ESTIMATE.replace("}", ",\"fy1Fcf\":8e8,\"fy1End\":\"2025-01-31\"}"), "fy2Fcf"));
        cases.add(secondOfArray("estimate missing asOf", ESTIMATE.replace("\"asOf\":\"2024-03-01T21:00:00Z\",", ""), "asOf"));
        // --- macro and company ---
        cases.add(secondOfArray("macro missing yield", MACRO.replace(",\"tenYearYield\":4.25", ""), "tenYearYield"));
        cases.add(secondOfArray("macro yield as text", MACRO.replace("4.25", "\"4.25%\""), "tenYearYield"));
        cases.add(secondOfArray("macro with a ticker", MACRO.replace("}", ",\"ticker\":\"BADR\"}"), "ticker"));
        cases.add(secondOfArray("company without name", COMPANY.replace(",\"name\":\"Bad Request Inc.\"", ""), "name"));
        cases.add(secondOfArray("company with blank name", COMPANY.replace("Bad Request Inc.", "   "), "name"));
        cases.add(secondOfArray("company name as number", COMPANY.replace("\"Bad Request Inc.\"", "42"), "name"));
        // --- a single object and NDJSON name their position too ---
        cases.add(bad("single object with zero price", JSON, PRICE.replace("151.2", "0"), "validation", 0, null, "price"));
        cases.add(bad("NDJSON bad third line", NDJSON, COMPANY + "\n" + MACRO + "\n" + PRICE.replace("151.2", "-2") + "\n",
                "validation", null, 3, "price"));
        cases.add(bad("NDJSON malformed second line", NDJSON, COMPANY + "\n{\"type\":\"macro\",\n" + MACRO + "\n",
                "malformed", null, 2, null));
        // --- bodies that are not events at all ---
        cases.add(bad("truncated JSON", JSON, "[" + COMPANY + ",{\"type\":", "malformed", null, null, null));
        cases.add(bad("trailing garbage after JSON", JSON, COMPANY + " x", "malformed", null, null, null));
        cases.add(bad("duplicate key", JSON, COMPANY.replace("}", ",\"name\":\"Other\"}"), "malformed", null, null, null));
        cases.add(bad("JSON scalar body", JSON, "\"hello\"", "malformed", null, null, null));
        cases.add(bad("NDJSON holding a JSON array", NDJSON, "[" + COMPANY + "]\n", "validation", null, 1, null));
        cases.add(bad("not UTF-8", JSON, "{\"type\":\"company\",\"ticker\":\"BADR\",\"name\":\"Caf\u00e9\"}", "malformed", null, null, null));
        cases.add(bad("empty array", JSON, "[]", "empty", null, null, null));
        cases.add(bad("empty body", JSON, "", "empty", null, null, null));
        cases.add(bad("blank NDJSON body", NDJSON, " \n\n", "empty", null, null, null));
        cases.add(bad("text/plain content type", "text/plain", COMPANY, "unsupported_media_type", null, null, null));
        cases.add(bad("form content type", "application/x-www-form-urlencoded", "type=company", "unsupported_media_type", null, null, null));
        cases.add(bad("XML content type", "application/xml", "<event/>", "unsupported_media_type", null, null, null));
        cases.add(bad("JSON in Latin-1", "application/json; charset=ISO-8859-1", COMPANY, "unsupported_media_type", null, null, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void refusesBadRequestNamingTheEventAndWhy(String name, String contentType, String body, String reason,
            Integer index, Integer line, String field) {
        int status = reason.equals("unsupported_media_type") ? 415 : 400;
        byte[] bytes = name.equals("not UTF-8") ? body.getBytes(StandardCharsets.ISO_8859_1) : body.getBytes(StandardCharsets.UTF_8);
        var request = Requests.authorized().contentType(contentType);
        // RestAssured encodes form bodies itself and takes them only as text.
        Response response = (contentType.startsWith("application/x-www-form-urlencoded") ? request.body(body) : request.body(bytes))
                .post("/api/v1/events");

        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("reason", equalTo(reason))
                .body("type", startsWith("urn:saasreport:problem:"))
                .body("instance", equalTo("/api/v1/events"));
        JsonPath problem = response.jsonPath();
        assertTrue(!problem.getString("detail").isBlank());
        if (index != null || line != null) {
            List<Map<String, Object>> errors = problem.getList("errors");
            assertTrue(errors.stream().anyMatch(error -> Objects.equals(index, error.get("index"))
                    && Objects.equals(line, error.get("line"))
                    && Objects.equals(field, error.get("field"))
                    && error.get("message") != null),
                    () -> "expected an error at index " + index + " / line " + line + " on " + field + ", got " + errors);
            // Only the bad event is named: the good ones around it are not blamed.
            assertTrue(errors.stream().allMatch(error -> Objects.equals(index, error.get("index"))
                    && Objects.equals(line, error.get("line"))), errors::toString);
        }
    }

    @Test
    @Order(2)
    void refusesBodyOverTheSizeLimit() {
        // %test.ingest.max-body-bytes is 3 MiB: a valid NDJSON body just over it.
        StringBuilder body = new StringBuilder();
        while (body.length() <= 3 * 1024 * 1024) {
            body.append(COMPANY).append('\n');
        }
        Requests.authorized().contentType(NDJSON).body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .then().statusCode(413).contentType("application/problem+json")
                .body("reason", equalTo("too_large"))
                .body("detail", startsWith("The body has " + body.length() + " bytes; the limit is 3145728"));
    }

    @Test
    @Order(3)
    void refusedRequestsPublishedNothing() {
        Requests.authorized().contentType(JSON).body(MACRO.replace("4.25", "4.26").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .then().statusCode(202).body("accepted", equalTo(1));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(beforeCorpus);
        assertEquals(1, records.size(), () -> "published: " + records);
        assertEquals("market.macro", records.get(0).topic());
        assertTrue(records.get(0).value().contains("4.26"));
    }

    /** The bad event second in an array after a valid one: proves the valid one is not published either. */
    private static Arguments secondOfArray(String name, String badEvent, String field) {
        return bad(name, JSON, "[" + COMPANY + "," + badEvent + "]", "validation", 1, null, field);
    }

    private static Arguments bad(String name, String contentType, String body, String reason, Integer index,
            Integer line, String field) {
        return Arguments.of(name, contentType, body, reason, index, line, field);
    }
}
