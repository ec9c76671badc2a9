package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.stack.LocalStack;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * Fault suite, ingest side: the broker stopped hard and restarted under requests, and a flood of bad
 * requests beside good ones. Each case streams the spec's worked example (one event a request) and
 * ends with exactly the example's figures, every event answered 202 on its topic, and nothing on a
 * dead-letter topic. {@code -Dsaasreport.faults.long=true} bounces the broker three times, keeps it
 * down longer and floods ten times as much.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestFaultSystemTest {

    static final boolean LONG = Boolean.getBoolean("saasreport.faults.long");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration GENEROUS = Duration.ofSeconds(180);
    /** Flood events carry this ticker: none of them may ever reach a topic. */
    private static final String FLOOD_TICKER = "ZZFLOOD";

    private static LocalStack stack;
    private static List<String> example;

    @BeforeAll
    static void startSystem() throws IOException {
        stack = SystemUnderTest.stack();
        example = WorkedExampleSystemTest.resource("example/events.ndjson").lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * The broker stops (its process gone as far as clients can tell) while the ingest API takes requests,
     * and starts again on the same log directory: a request is either accepted (202, and then its event
     * is on its topic and in the figures) or refused with 503, never lost nor answered otherwise; ingest
     * readiness goes DOWN while the broker is away and UP again by itself.
     */
    @Test
    @Order(1)
    void brokerStoppedAndRestartedWhileIngestTakesRequests() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        Poster poster = new Poster(example, true);
        poster.start();

        int bounces = LONG ? 3 : 1;
        for (int bounce = 1; bounce <= bounces; bounce++) {
            int acceptedBeforeStop = bounce * example.size() / (bounces + 1);
            Awaitility.await().atMost(GENEROUS).until(() -> poster.accepted.size() >= acceptedBeforeStop || !poster.isAlive());
            int refusedSoFar = poster.unavailable.get();

            stack.stopBroker();
            try {
                Awaitility.await("ingest readiness DOWN").atMost(GENEROUS).until(() -> readiness(stack.ports().ingest()) == 503);
                Awaitility.await("a request refused").atMost(GENEROUS).until(() -> poster.unavailable.get() > refusedSoFar);
                if (LONG) {
                    Thread.sleep(30_000); // a longer outage: requests keep failing meanwhile
                }
            } finally {
                stack.startBroker(); // whatever failed, the next tests find a broker
            }
            Awaitility.await("ingest readiness UP").atMost(GENEROUS).until(() -> readiness(stack.ports().ingest()) == 200);
        }
        poster.join(GENEROUS.toMillis());

        assertEquals(Map.of(), poster.unexpected, "every request was answered 202 or 503");
        assertTrue(poster.unavailable.get() > 0, "some requests were refused while the broker was down");
        assertEquals(example.size(), poster.accepted.size(), "every event was accepted in the end");
        assertEveryAcceptedEventIsOnItsTopicAndNoDeadLetter(before, poster.accepted);
        awaitAllReady();
        assertFiguresAreTheWorkedExample();
    }

    /**
     * Oversized, malformed and unauthorized requests pour in beside the good events: each bad one is
     * refused with its own status and none of its events reaches a topic; every good one is accepted
     * and counted in the figures.
     */
    @Test
    @Order(2)
    void floodOfBadRequestsLeavesTheGoodEventsWhole() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        Poster poster = new Poster(example, false);
        List<Flooder> flooders = List.of(new Flooder(0, poster), new Flooder(1, poster), new Flooder(2, poster));
        poster.start();
        flooders.forEach(Thread::start);
        poster.join(GENEROUS.toMillis());
        for (Flooder flooder : flooders) {
            flooder.join(GENEROUS.toMillis());
        }

        assertEquals(Map.of(), poster.unexpected, "every good request was accepted");
        assertEquals(example.size(), poster.accepted.size());
        Map<String, Set<Integer>> expected = new TreeMap<>();
        Map<String, Set<Integer>> answered = new TreeMap<>();
        for (Flooder flooder : flooders) {
            flooder.answers.forEach((kind, statuses) -> answered.computeIfAbsent(kind, k -> new TreeSet<>()).addAll(statuses));
        }
        for (BadRequest bad : BadRequest.values()) {
            expected.put(bad.name(), Set.of(bad.status));
        }
        assertEquals(expected, answered, "each kind of bad request got its own refusal, and only that");

        List<ConsumerRecord<String, String>> records = assertEveryAcceptedEventIsOnItsTopicAndNoDeadLetter(before, poster.accepted);
        assertEquals(List.of(), records.stream().filter(r -> r.value().contains(FLOOD_TICKER)).map(ConsumerRecord::value).toList(),
                "no event of a refused request reached a topic");
        assertFiguresAreTheWorkedExample();
    }

    /** Posts each line as its own request, in order; a 503 is retried (as the API says it safely may be). */
    private static final class Poster extends Thread {
        final List<String> lines;
        final boolean retryUnavailable;
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final AtomicInteger unavailable = new AtomicInteger();
        final Map<String, String> unexpected = new ConcurrentHashMap<>();

        Poster(List<String> lines, boolean retryUnavailable) {
            super("good-events");
            this.lines = lines;
            this.retryUnavailable = retryUnavailable;
        }

        @Override
        public void run() {
            Iterator<String> next = lines.iterator();
            String line = next.next();
            int attempts = 0;
            while (line != null && attempts++ < 100_000 && unexpected.isEmpty()) {
                try {
                    HttpResponse<String> response = post(line, "application/x-ndjson", stack.apiKey());
                    if (response.statusCode() == 202) {
                        accepted.add(line);
                        line = next.hasNext() ? next.next() : null;
                    } else if (response.statusCode() == 503 && retryUnavailable) {
                        unavailable.incrementAndGet();
                        Thread.sleep(200);
                    } else {
                        unexpected.put(line, response.statusCode() + " " + response.body());
                    }
                } catch (IOException e) {
                    unexpected.put(line, e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The kinds of bad request in the flood, each with the status the API answers it with. */
    private enum BadRequest {
        OVERSIZED(413), MALFORMED_JSON(400), INVALID_EVENT(400), UNKNOWN_TYPE(400), NO_KEY(401), WRONG_KEY(401);

        final int status;

        BadRequest(int status) {
            this.status = status;
        }
    }

    /** Sends bad requests of every kind in turn while the good events flow (bounded in count). */
    private static final class Flooder extends Thread {
        private static final String FLOOD_PRICE =
                "{\"type\":\"price\",\"ticker\":\"" + FLOOD_TICKER + "\",\"price\":10.5,\"at\":\"2026-11-20T21:00:00Z\"}";
        final Map<String, Set<Integer>> answers = new HashMap<>();
        private final int offset;
        private final Thread goodEvents;

        Flooder(int offset, Thread goodEvents) {
            super("flood-" + offset);
            this.offset = offset;
            this.goodEvents = goodEvents;
        }

        @Override
        public void run() {
            int atLeast = LONG ? 3_000 : 300;
            BadRequest[] small = { BadRequest.MALFORMED_JSON, BadRequest.INVALID_EVENT, BadRequest.UNKNOWN_TYPE,
                    BadRequest.NO_KEY, BadRequest.WRONG_KEY };
            for (int i = 0; (i < atLeast || goodEvents.isAlive()) && i < 10 * atLeast; i++) {
                // Every 30th request is a 10 MiB one: enough to load the server, not to swamp the machine.
                BadRequest kind = (i + offset) % 30 == 0 ? BadRequest.OVERSIZED : small[(i + offset) % small.length];
                try {
                    int status = send(kind).statusCode();
                    answers.computeIfAbsent(kind.name(), k -> new HashSet<>()).add(status);
                } catch (IOException e) {
                    answers.computeIfAbsent(kind.name() + " " + e, k -> new HashSet<>()).add(-1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private HttpResponse<String> send(BadRequest kind) throws IOException, InterruptedException {
            return switch (kind) {
                // One byte over the local stack's limit (ingest.max-body-bytes, 10 MiB), of valid events.
                case OVERSIZED -> post(oversized(), "application/x-ndjson", stack.apiKey());
                case MALFORMED_JSON -> post("{\"type\":\"price\",\"ticker\":\"" + FLOOD_TICKER + "\",", "application/json", stack.apiKey());
                case INVALID_EVENT -> post(FLOOD_PRICE.replace("10.5", "-1"), "application/json", stack.apiKey());
                case UNKNOWN_TYPE -> post(FLOOD_PRICE.replace("\"price\",", "\"dividend\","), "application/json", stack.apiKey());
                case NO_KEY -> post(FLOOD_PRICE, "application/json", null);
                case WRONG_KEY -> post(FLOOD_PRICE, "application/json", "not-" + stack.apiKey());
            };
        }

        private static String oversizedBody;

        private static synchronized String oversized() {
            if (oversizedBody == null) {
                int limit = 10 * 1024 * 1024;
                StringBuilder body = new StringBuilder(limit + FLOOD_PRICE.length() + 1);
                while (body.length() <= limit) {
                    body.append(FLOOD_PRICE).append('\n');
                }
                oversizedBody = body.toString();
            }
            return oversizedBody;
        }
    }

    private static HttpResponse<String> post(String body, String contentType, String apiKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().ingest() + "/api/v1/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int readiness(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitAllReady() {
        Awaitility.await("every service ready").atMost(GENEROUS).until(() -> Stream.of(
                stack.ports().ingest(), stack.ports().metrics(), stack.ports().report()).allMatch(port -> readiness(port) == 200));
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaTestClient topics = new KafkaTestClient(stack.bootstrapServers())) {
            return topics.endOffsets(Stream.concat(Topics.INPUT.stream(), Topics.deadLetter().stream()).toList());
        }
    }

    /**
     * Every accepted event is on its input topic (value equal field for field), and no dead-letter topic
     * got anything since {@code before}: nothing in these cases is poison. Answers the new records.
     */
    private static List<ConsumerRecord<String, String>> assertEveryAcceptedEventIsOnItsTopicAndNoDeadLetter(
            Map<TopicPartition, Long> before, List<String> accepted) throws IOException {
        List<ConsumerRecord<String, String>> records;
        try (KafkaTestClient topics = new KafkaTestClient(stack.bootstrapServers())) {
            records = topics.since(before);
        }
        List<String> deadLetters = records.stream().filter(r -> Topics.deadLetter().contains(r.topic()))
                .map(r -> r.topic() + ": " + r.value()).toList();
        assertEquals(List.of(), deadLetters, "nothing on a dead-letter topic");

        Set<Map<String, String>> published = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            published.add(canonical(record.value()));
        }
        List<String> missing = new ArrayList<>();
        for (String line : accepted) {
            if (!published.contains(canonical(line))) {
                missing.add(line);
            }
        }
        assertEquals(List.of(), missing, "accepted (202) but not on its topic");
        return records;
    }

    /** {@link #canonical} as one string, to count events by content. */
    static String canonicalText(String json) {
        try {
            return canonical(json).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An event's fields as comparable text: numbers by value, times as instants, nulls left out. */
    private static Map<String, String> canonical(String json) throws IOException {
        Map<String, String> fields = new TreeMap<>();
        MAPPER.readTree(json).fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                return;
            }
            String text;
            if (value.isNumber()) {
                text = new BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
            } else {
                text = value.asText();
                try {
                    text = OffsetDateTime.parse(text).toInstant().toString();
                } catch (DateTimeParseException notATime) {
                    // a plain string
                }
            }
            fields.put(field.getKey(), text);
        });
        return Collections.unmodifiableMap(fields);
    }

    private static void assertFiguresAreTheWorkedExample() throws IOException {
        JsonNode expectedUniverse = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-universe.json"));
        JsonNode expectedCompanies = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-companies.json"));
        Awaitility.await("the worked example's figures").atMost(GENEROUS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertEquals(List.of(), JsonFigures.differences(expectedUniverse, reportJson("/api/v1/universe")));
            assertEquals(List.of(), JsonFigures.differences(expectedCompanies, reportJson("/api/v1/companies")));
        });
    }

    private static JsonNode reportJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + stack.ports().report() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return MAPPER.readTree(response.body());
    }
}
