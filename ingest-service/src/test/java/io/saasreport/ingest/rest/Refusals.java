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

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * The bad-input corpora's common part: a hostile request answered within a second with its status, its reason and the
 * field it names, and proof afterwards that none of a corpus reached a topic.
 */
final class Refusals {

    /** Every case is answered within this, extreme exponents and huge bodies included. */
    static final Duration WITHIN = Duration.ofSeconds(1);

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

    private Refusals() {
    }
}
