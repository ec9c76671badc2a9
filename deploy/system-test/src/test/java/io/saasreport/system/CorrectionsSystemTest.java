package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.stack.LocalStack;

/**
 * Corrections through the whole system, as a user makes them over the ingest API (docs/api.md "Corrections"), over
 * the worked example: a bad price withdrawn (one dated 2099, put on market.prices as a record from before the door
 * refused such prices) and a wrong one replaced, the figures then those without it; a company removed (gone from
 * REST, the universe's count, the quarterly reports and the next edition) and named again; a named universe deleted
 * and defined again, carrying on above its old revision, its new alerts stored by the report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectionsSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final String TICKER = "UMV";

    private static LocalStack stack;
    private static List<String> umvEvents;

    @BeforeAll
    static void loadTheExample() throws Exception {
        stack = SystemUnderTest.freshStack();
        List<String> example = WorkedExampleSystemTest.resource("example/events.ndjson").lines()
                .filter(line -> !line.isBlank()).toList();
        umvEvents = example.stream().filter(line -> line.contains("\"ticker\":\"" + TICKER + "\"")).toList();
        new Ingest(stack).post(example);
        JsonNode expected = OutputTopics.json(WorkedExampleSystemTest.resource("example/expected-universe.json"));
        eventually(() -> assertEquals(List.of(), JsonFigures.differences(expected, withoutRevision(report("/api/v1/universe")))));
    }

    @Test
    @Order(1)
    void aFarFuturePriceWithdrawnAndAWrongOneCorrectedLeaveTheFiguresWithoutThem() throws Exception {
        JsonNode company = figures(report("/api/v1/companies/" + TICKER));
        JsonNode universe = withoutRevision(report("/api/v1/universe"));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("market.prices", TICKER,
                    "{\"type\":\"price\",\"ticker\":\"UMV\",\"price\":999.0,\"at\":\"2099-01-01T00:00:00Z\"}")).get();
        }
        eventually(() -> assertEquals(999.0, report("/api/v1/companies/" + TICKER).path("price").asDouble(),
                "the far-future price froze the company"));

        assertEquals(202, ingest("DELETE", "/api/v1/companies/UMV/prices/2099-01-01T00:00:00Z", null).statusCode());
        eventually(() -> {
            assertEquals(company, figures(report("/api/v1/companies/" + TICKER)));
            assertEquals(List.of(), JsonFigures.differences(universe, withoutRevision(report("/api/v1/universe"))));
        });

        // A wrong close at a real time: replaced by the right one, then withdrawn altogether.
        new Ingest(stack).post(List.of("{\"type\":\"price\",\"ticker\":\"UMV\",\"price\":1825.0,\"at\":\"2026-11-23T21:00:00Z\"}"));
        eventually(() -> assertEquals(1825.0, report("/api/v1/companies/" + TICKER).path("price").asDouble()));
        assertEquals(202, ingest("PUT", "/api/v1/companies/UMV/prices/2026-11-23T21:00:00Z", "{\"price\":182.5}").statusCode());
        eventually(() -> {
            JsonNode corrected = report("/api/v1/companies/" + TICKER);
            assertEquals(182.5, corrected.path("price").asDouble());
            assertEquals(182.5 * corrected.path("sharesOutstanding").asDouble(), corrected.path("marketCap").asDouble(), 1e-3);
        });
        assertEquals(202, ingest("DELETE", "/api/v1/companies/UMV/prices/2026-11-23T21:00:00Z", null).statusCode());
        eventually(() -> assertEquals(company, figures(report("/api/v1/companies/" + TICKER))));
    }

    @Test
    @Order(2)
    void aRemovedCompanyLeavesRestTheCountAndTheNextEditionAndComesBack() throws Exception {
        int count = report("/api/v1/universe").path("companyCount").asInt();
        assertTrue(scatter("latest").contains(TICKER));

        assertEquals(202, ingest("DELETE", "/api/v1/companies/" + TICKER, null).statusCode());

        eventually(() -> {
            assertEquals(404, get(LocalStack.REPORT, "/api/v1/companies/" + TICKER).statusCode());
            assertEquals(count - 1, report("/api/v1/universe").path("companyCount").asInt());
            assertFalse(tickers(report("/api/v1/filings/latest")).contains(TICKER), "its filings are gone");
        });
        // The next edition is this week's while its close is ahead; from the Friday close to Sunday it is next
        // week's, not begun yet, and this week's (closed before the removal) keeps the company. An edition is built
        // from the stored history, up to a writer's batch behind the view (report.kafka.writer-linger).
        eventually(() -> {
            JsonNode latest = report("/api/v1/editions/latest");
            assertEquals(!latest.path("closed").asBoolean(), !scatter("latest").contains(TICKER),
                    "the edition whose close follows the removal leaves it out, a closed one keeps it");
        });
        assertFalse(tickers(report("/api/v1/companies")).contains(TICKER));

        new Ingest(stack).post(umvEvents);
        eventually(() -> {
            assertEquals(200, get(LocalStack.REPORT, "/api/v1/companies/" + TICKER).statusCode());
            assertEquals(count, report("/api/v1/universe").path("companyCount").asInt());
            assertTrue(scatter("latest").contains(TICKER));
        });
        assertCarriesOnAfterItsTombstone("metrics.company", TICKER);
    }

    @Test
    @Order(3)
    void aUniverseDefinedAgainCarriesOnAboveItsRevisionAndItsNewAlertsAreStored() throws Exception {
        // One member: its multiple is the median, so a 20 % move raises median-moved, an id made of the revision.
        assertEquals(202, ingest("PUT", "/api/v1/universes/watch", "{\"tickers\":[\"UMV\"]}").statusCode());
        eventually(() -> assertEquals(1, report("/api/v1/universes/watch").path("companyCount").asInt()));
        double price = report("/api/v1/companies/" + TICKER).path("price").asDouble();
        new Ingest(stack).post(List.of(price(price * 1.2, "2026-11-24T15:00:00Z")));
        eventually(() -> assertTrue(alertIds("watch").stream().anyMatch(id -> id.startsWith("watch/median-moved/"))));
        long revisionBefore = revisions("metrics.universe", "watch").stream().max(Long::compare).orElseThrow();
        Set<String> alertsBefore = alertIds("watch");

        assertEquals(202, ingest("DELETE", "/api/v1/universes/watch", null).statusCode());
        eventually(() -> assertEquals(404, get(LocalStack.REPORT, "/api/v1/universes/watch").statusCode()));
        assertEquals(202, ingest("PUT", "/api/v1/universes/watch", "{\"tickers\":[\"UMV\"]}").statusCode());
        eventually(() -> assertEquals(200, get(LocalStack.REPORT, "/api/v1/universes/watch").statusCode()));

        new Ingest(stack).post(List.of(price(price * 1.44, "2026-11-25T15:00:00Z")));
        eventually(() -> {
            List<String> added = new ArrayList<>(alertIds("watch"));
            added.removeAll(alertsBefore);
            assertTrue(added.stream().anyMatch(id -> id.startsWith("watch/median-moved/")
                    && Long.parseLong(id.substring(id.lastIndexOf('/') + 1)) > revisionBefore), "stored: " + added);
        });
        assertCarriesOnAfterItsTombstone("metrics.universe", "watch");
    }

    /**
     * What a consumer keeping the highest revision per key sees on the compacted topic: after the key's tombstone,
     * every revision is above each one published before it.
     */
    private static void assertCarriesOnAfterItsTombstone(String topic, String key) {
        List<Long> revisions = revisions(topic, key);
        int tombstone = revisions.lastIndexOf(-1L);
        assertTrue(tombstone > 0 && tombstone < revisions.size() - 1, topic + " " + key + ": " + revisions);
        long before = revisions.subList(0, tombstone).stream().max(Long::compare).orElseThrow();
        assertTrue(revisions.subList(tombstone + 1, revisions.size()).stream().allMatch(revision -> revision > before),
                topic + " " + key + " went back after its tombstone: " + revisions);
    }

    /** Every revision published under the key, in order; a tombstone as -1. */
    private static List<Long> revisions(String topic, String key) {
        List<Long> revisions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : new OutputTopics(stack.bootstrapServers()).readAll(topic)) {
            if (key.equals(record.key())) {
                revisions.add(record.value() == null ? -1L : OutputTopics.json(record.value()).path("revision").asLong());
            }
        }
        return revisions;
    }

    private static String price(double price, String at) {
        return "{\"type\":\"price\",\"ticker\":\"" + TICKER + "\",\"price\":" + price + ",\"at\":\"" + at + "\"}";
    }

    private static Set<String> alertIds(String universe) throws Exception {
        Set<String> ids = new HashSet<>();
        report("/api/v1/alerts?universe=" + universe).forEach(alert -> ids.add(alert.path("id").asText()));
        return ids;
    }

    private static List<String> scatter(String edition) throws Exception {
        return tickers(report("/api/v1/editions/" + edition).path("scatter").path("points"));
    }

    private static List<String> tickers(JsonNode entries) {
        List<String> tickers = new ArrayList<>();
        entries.forEach(entry -> tickers.add(entry.path("ticker").asText()));
        return tickers;
    }

    /** A company's figures without what a correction legitimately changes: its revision and the sources' event ids. */
    private static JsonNode figures(JsonNode company) {
        ObjectNode copy = company.deepCopy();
        copy.remove("revision");
        copy.remove("sources");
        return copy;
    }

    private static JsonNode withoutRevision(JsonNode universe) {
        ObjectNode copy = universe.deepCopy();
        copy.remove("revision");
        return copy;
    }

    private static JsonNode report(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(LocalStack.REPORT, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return OutputTopics.json(response.body());
    }

    private static HttpResponse<String> get(String service, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(stack.uri(service).resolve(path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> ingest(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.uri(LocalStack.INGEST) + path))
                .header("Authorization", "Bearer " + stack.apiKey()).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(assertion);
    }
}
