package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.stack.LocalStack;
import io.saasreport.stack.Postgres;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * A record PostgreSQL refuses (a NUL in a company's name on metrics.company, in a ticker of the universe's statistics
 * on metrics.universe), written to the topics in the shape the metrics service publishes: each lands on the report's
 * dead-letter topic with the reason, the records after it are stored and shown, and readiness for reads stays UP
 * throughout (polled from before the poison until the end).
 */
class ReportRefusedRecordSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PIPELINE = Duration.ofMinutes(2);

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.freshStack();
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredTheNextOnesAreStoredAndReadsStayReady() throws Exception {
        new Ingest(stack).post(WorkedExampleSystemTest.resource("example/events.ndjson").lines().filter(l -> !l.isBlank()).toList());
        Awaitility.await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/api/v1/companies/BPH").statusCode() == 200 && get("/api/v1/universe").statusCode() == 200);
        Awaitility.await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/q/health/group/writers").statusCode() == 200);

        ReadinessPoller readiness = new ReadinessPoller();
        readiness.start();
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            String marker = UUID.randomUUID().toString();
            ConsumerRecord<String, String> bph = latest(kafka, "metrics.company", "BPH");
            ObjectNode poisonedCompany = (ObjectNode) MAPPER.readTree(bph.value());
            poisonedCompany.put("name", "Bph\u0000Software " + marker);
            send(kafka, bph, poisonedCompany);

            ConsumerRecord<String, String> universe = latest(kafka, "metrics.universe", "universe");
            ObjectNode poisonedUniverse = (ObjectNode) MAPPER.readTree(universe.value());
            ((ObjectNode) poisonedUniverse.withArray("topByEvToNtmRevenue").get(0)).put("ticker", "BPH\u0000" + marker);
            send(kafka, universe, poisonedUniverse);

            assertDeadLettered(kafka, "metrics.company.report-dlq", poisonedCompany.toString());
            assertDeadLettered(kafka, "metrics.universe.report-dlq", poisonedUniverse.toString());

            // Later records, through the whole pipeline: a new price moves BPH and the universe.
            long universeRevision = storedUniverseRevision();
            new Ingest(stack).post(List.of("{\"type\":\"price\",\"ticker\":\"BPH\",\"price\":1250.5,\"at\":\"2026-11-20T21:40:00Z\"}"));
            Awaitility.await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertEquals(1250.5, json("/api/v1/companies/BPH").path("price").asDouble(), "shown");
                assertEquals("1250.5", stored("select payload::jsonb ->> 'price' from company_snapshot where ticker = 'BPH'"), "stored");
                assertTrue(storedUniverseRevision() > universeRevision, "the next universe stored");
                assertEquals("2026-11-20T21:40:00Z", json("/api/v1/universe").path("asOf").asText(), "the next universe shown");
            });
            Awaitility.await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> get("/q/health/group/writers").statusCode() == 200);
        } finally {
            readiness.stop();
        }
        assertTrue(readiness.polls.get() > 10, "readiness polled throughout: " + readiness.polls.get());
        assertEquals(List.of(), readiness.failures, "readiness for reads stayed UP");
    }

    /** The newest record of a key on a topic, as the metrics service published it. */
    private static ConsumerRecord<String, String> latest(KafkaTestClient kafka, String topic, String key) {
        List<ConsumerRecord<String, String>> records = kafka.all(topic);
        ConsumerRecord<String, String> latest = null;
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key()) && record.value() != null) {
                latest = record;
            }
        }
        return Optional.ofNullable(latest).orElseThrow(() -> new AssertionError("nothing of " + key + " on " + topic));
    }

    /** The value under the record's key, with its CloudEvents headers (a new id). */
    private static void send(KafkaTestClient kafka, ConsumerRecord<String, String> like, JsonNode value) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : like.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.put("ce_id", UUID.randomUUID().toString());
        kafka.send(like.topic(), like.key(), value.toString(), headers);
    }

    private static void assertDeadLettered(KafkaTestClient kafka, String topic, String value) {
        ConsumerRecord<String, String> dead = Awaitility.await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> kafka.all(topic).stream().filter(record -> value.equals(record.value())).findFirst(),
                        Optional::isPresent).orElseThrow();
        String reason = KafkaTestClient.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.startsWith("Refused by the database (SQLState 22"), topic + ": " + reason);
    }

    private static long storedUniverseRevision() throws Exception {
        return Long.parseLong(stored("select revision from universe_snapshot where id = 'universe'"));
    }

    private static String stored(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("report"), Postgres.USER, Postgres.PASSWORD);
                PreparedStatement select = connection.prepareStatement(query);
                ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.uri(LocalStack.REPORT).resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the report's readiness every 200 ms on a thread of its own; keeps every answer that is not 200 UP. */
    private static final class ReadinessPoller {
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger polls = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::poll, "readiness-poller");

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }

        private void poll() {
            while (running.get()) {
                try {
                    HttpResponse<String> ready = get("/q/health/ready");
                    if (ready.statusCode() != 200) {
                        failures.add(ready.statusCode() + " " + ready.body());
                    }
                    polls.incrementAndGet();
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }
    }
}
