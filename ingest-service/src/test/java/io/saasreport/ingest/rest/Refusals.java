package io.saasreport.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * The bad-input corpora's common part: each corpus test (a {@code @QuarkusTest} subclass) names its hostile requests
 * in {@link #corpus()}; every one is answered within a second with its status, its reason and the field it names, and
 * afterwards none of the corpus has reached a topic. The warm-up and the end offsets come first, untimed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Refusals {

    /** Every case is answered within this, extreme exponents and huge bodies included. */
    static final Duration WITHIN = Duration.ofSeconds(1);

    static final String EVENTS = "/api/v1/events";
    static final String SEC_COMPANY_FACTS = "/api/v1/import/sec-companyfacts?ticker=DDOG";

    /** One valid event of each kind: a case breaks one field of it. */
    static final String PRICE = "{\"type\":\"price\",\"ticker\":\"DOOR\",\"price\":10.5,\"at\":\"2024-03-01T21:00:00Z\"}";
    static final String FILING = "{\"type\":\"filing\",\"ticker\":\"DOOR\",\"fiscalYear\":2025,\"fiscalQuarter\":2,"
            + "\"periodEnd\":\"2024-07-31\",\"filedAt\":\"2024-08-29T21:05:00Z\",\"revenue\":868823000}";
    static final String ESTIMATE = "{\"type\":\"estimate\",\"ticker\":\"DOOR\",\"asOf\":\"2024-03-01T21:00:00Z\","
            + "\"ntmRevenue\":3600000000}";
    static final String MACRO = "{\"type\":\"macro\",\"asOf\":\"2024-03-01T21:00:00Z\",\"tenYearYield\":4.25}";

    /** Every topic ingest writes to. */
    static final List<String> TOPICS = Stream.concat(Topics.INPUT.stream(), Stream.of(Topics.DEFINITIONS)).toList();

    /** One hostile request: where it goes, what it carries, and the refusal it must get. */
    record Case(String name, String method, String path, String contentType, byte[] body, int status, String reason,
            String field) {

        static Case post(String name, String path, String contentType, String body, int status, String reason, String field) {
            return new Case(name, "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), status, reason, field);
        }

        static Case put(String name, String path, String body, String reason, String field) {
            return new Case(name, "PUT", path, "application/json", body.getBytes(StandardCharsets.UTF_8), 400, reason, field);
        }

        /** The bad event second in an array after a good one, so that the good one is proven unpublished too. */
        static Case secondOf(String name, String good, String bad, String field) {
            return post(name, EVENTS, "application/json", "[" + good + "," + bad + "]", 400, "validation", field);
        }

        /** A file refused for one row, naming its column. */
        static Case csv(String name, String path, String body, String column) {
            return post(name, path, "text/csv", body, 400, "validation", column);
        }

        /** An SEC companyfacts document refused, naming the fact's path. */
        static Case sec(String name, String body, String field) {
            return post(name, SEC_COMPANY_FACTS, "application/json", body, 400, "validation", field);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Map<TopicPartition, Long> endOffsets() {
        return KafkaTestClient.onTestBroker().endOffsets(TOPICS);
    }

    /** Sends the case and checks its refusal: the status, problem+json, the reason, and the field named when one is. */
    static void assertRefused(Case bad) {
        Response response = assertTimeoutPreemptively(WITHIN, () -> Requests.authorized().contentType(bad.contentType())
                .body(bad.body()).request(bad.method(), bad.path()), () -> bad.name() + " was not answered within " + WITHIN);
        response.then().statusCode(bad.status()).contentType("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertEquals(bad.status(), problem.getInt("status"));
        assertEquals(bad.reason(), problem.getString("reason"), problem::prettify);
        if (bad.field() != null) {
            List<Map<String, Object>> errors = problem.getList("errors");
            assertTrue(errors.stream().anyMatch(error -> Objects.equals(bad.field(), error.get("field"))),
                    () -> "expected an error naming " + bad.field() + ": " + problem.prettify());
        }
    }

    /**
     * Nothing was published since {@code before}: a good event sent now is the one record on any topic since. (The
     * good event is answered 202 within a second too: the service stayed responsive.)
     */
    static void assertNothingPublishedSince(Map<TopicPartition, Long> before, String sentinelName) {
        String sentinel = "{\"type\":\"company\",\"ticker\":\"SENTRY\",\"name\":\"" + sentinelName + "\"}";
        assertTimeoutPreemptively(WITHIN.multipliedBy(5), () -> Requests.authorized().contentType("application/json")
                .body(sentinel.getBytes(StandardCharsets.UTF_8)).post("/api/v1/events")
                .then().statusCode(202));
        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(1, records.size(), () -> "published: " + records);
        assertTrue(records.get(0).value().contains(sentinelName), records.get(0)::value);
    }

    /** One request of each endpoint, untimed, so the first timed case does not pay for the first call's warm-up. */
    static void warmUp() {
        for (String path : List.of("/api/v1/events", "/api/v1/import/prices?ticker=WARM", "/api/v1/import/fred-dgs10",
                "/api/v1/import/sec-companyfacts?ticker=WARM")) {
            Requests.authorized().contentType(path.contains("sec") || path.endsWith("events") ? "application/json" : "text/csv")
                    .body("{}".getBytes(StandardCharsets.UTF_8)).post(path);
        }
        Requests.authorized().contentType("application/json").body("{}".getBytes(StandardCharsets.UTF_8)).put("/api/v1/universes/warm");
    }

    /** Where the topics ended before the corpus. */
    private Map<TopicPartition, Long> before;

    /** The hostile requests of this corpus, each with the refusal it must get. */
    abstract Stream<Case> corpus();

    /** Untimed, first: the warm-up, then where the topics end before the corpus. */
    @Test
    @Order(0)
    void warmUpAndNoteEndOffsets() {
        warmUp();
        before = endOffsets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void refusedWithinASecond(Case bad) {
        assertRefused(bad);
    }

    @Test
    @Order(2)
    void noneOfThemWasPublished() {
        assertNothingPublishedSince(before, getClass().getSimpleName() + " sentinel");
    }
}
