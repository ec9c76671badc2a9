package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

import io.saasreport.stack.LocalStack;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * Fault suite, the broker away for longer than every client timeout ({@code -Dsaasreport.faults.long=true}: 3 minutes;
 * otherwise 20 s, the same checks): stopped (its process gone, started again on the same log directory) and frozen
 * (SIGSTOP, then SIGCONT), while 16 clients post a generated universe one event a request and the metrics service has
 * work in flight. Every service answers readiness within a second throughout, DOWN with the reason while the broker is
 * away; all are ready again within 30 s of its return without a process restart (same pids); each event is on its
 * topic as often as it was answered 202 (a 503 request is never published, not even later, unless the 503 said Kafka
 * may still have written it: sent and not acknowledged); the final figures
 * are those the engine computes from the events; no dead letter; the ingest service's heap and send queue stay bounded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOutageFaultSystemTest {

    private static final Duration OUTAGE = IngestFaultSystemTest.LONG ? Duration.ofMinutes(3) : Duration.ofSeconds(20);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);
    private static final Duration GENEROUS = Duration.ofSeconds(240);
    private static final int CLIENTS = 16;
    /** The ingest service's heap (of the stack's 2 GB) may not pass this while its clients keep posting. */
    private static final long HEAP_BOUND_BYTES = 1024L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private static LocalStack stack;
    /** Every event posted by the cases so far: the figures are computed from all of them. */
    private static final List<String> ALL_EVENTS = new ArrayList<>();

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.brokerProcessStack();
    }

    @Test
    @Order(1)
    void brokerStoppedAndStartedAgainOnItsLogDirectory() throws Exception {
        rideOut(20261206L, () -> stack.stopBroker(), () -> stack.startBroker());
    }

    @Test
    @Order(2)
    void brokerProcessFrozenAndThawed() throws Exception {
        rideOut(20261207L, () -> stack.freezeBroker(), () -> stack.thawBroker());
    }

    private void rideOut(long seed, Runnable away, Runnable back) throws Exception {
        // New tickers per case; the figures are those of every case's events.
        List<String> events = GeneratedUniverseEvents.generate(60, seed).stream()
                .map(event -> event.replace("SYS", seed % 2 == 0 ? "STP" : "FRZ")).toList();
        ALL_EVENTS.addAll(events);
        ExpectedFigures expected = ExpectedFigures.computedFrom(ALL_EVENTS);
        Map<TopicPartition, Long> before = endOffsets();
        Map<String, Long> pids = pids();
        Clients clients = new Clients(events);
        HealthWatch health = new HealthWatch();
        IngestMeters ingest = new IngestMeters();
        health.start();
        ingest.start();
        clients.start();
        try {
            Awaitility.await("a third of the events in").atMost(GENEROUS).until(() -> clients.accepted.get() >= events.size() / 3);
            away.run();
            health.outage.set(true);
            try {
                Awaitility.await("ingest and metrics DOWN, with the reason").atMost(GENEROUS).until(health::allSawBrokerAway);
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                health.outage.set(false);
                back.run();
            }
            long returned = System.nanoTime();
            Awaitility.await("every service ready again").atMost(BACK_WITHIN).until(BrokerOutageFaultSystemTest::allReady);
            System.out.printf("[broker-outage] all ready %d ms after the broker's return%n", (System.nanoTime() - returned) / 1_000_000);
            clients.join(GENEROUS.toMillis());
        } finally {
            clients.stopped.set(true);
            health.stopped.set(true);
            ingest.stopped.set(true);
        }
        health.join();
        ingest.join();

        assertEquals(pids, pids(), "no service process was restarted");
        assertEquals(List.of(), health.slowOrUnanswered, "readiness answered within 1 s throughout");
        assertEquals(Map.of(), clients.unexpected, "every request was answered 202 or 503");
        assertTrue(clients.refused.get() > 0, "requests were refused while the broker was away");
        assertEquals(events.size(), clients.accepted.get(), "every event accepted in the end");
        System.out.printf("[broker-outage] %d requests refused (%d of them sent but unconfirmed); ingest heap at most %d MB, "
                + "at most %d sends queued%n", clients.refused.get(), clients.unconfirmedCounts.values().stream()
                .mapToInt(Integer::intValue).sum(), ingest.maxHeap.get() >> 20, ingest.maxQueued.get());
        assertTrue(ingest.samples.get() > OUTAGE.toSeconds() / 2, "the ingest meters were read during the outage");
        assertTrue(ingest.maxHeap.get() < HEAP_BOUND_BYTES, "ingest heap " + ingest.maxHeap.get());
        assertTrue(ingest.maxQueued.get() <= CLIENTS, "at most one event of each client waits: " + ingest.maxQueued.get());
        assertEachEventPublishedAsOftenAsAccepted(before, clients.acceptedCounts, clients.unconfirmedCounts);
        expected.awaitOnTheOutputTopics(new OutputTopics(stack.bootstrapServers()), GENEROUS);
        expected.awaitInTheReport(GENEROUS);
    }

    /** 16 clients, each with its share of the tickers, posting one event a request in order; a 503 is retried. */
    private static final class Clients {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicBoolean stopped = new AtomicBoolean();
        final Map<String, Integer> acceptedCounts = new ConcurrentHashMap<>();
        /** Events of 503 requests that say Kafka may still have written them (sent, not acknowledged). */
        final Map<String, Integer> unconfirmedCounts = new ConcurrentHashMap<>();
        final Map<String, String> unexpected = new ConcurrentHashMap<>();
        private final List<Thread> threads = new ArrayList<>();

        Clients(List<String> events) {
            List<List<String>> shares = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                shares.add(new ArrayList<>());
            }
            for (String event : events) {
                String key = OutputTopics.json(event).path("ticker").asText("macro");
                shares.get(Math.floorMod(key.hashCode(), CLIENTS)).add(event);
            }
            for (int i = 0; i < CLIENTS; i++) {
                List<String> share = shares.get(i);
                threads.add(new Thread(() -> post(share), "client-" + i));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void join(long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            for (Thread thread : threads) {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }

        private void post(List<String> share) {
            for (String event : share) {
                while (!stopped.get() && unexpected.isEmpty()) {
                    try {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                stack.uri(LocalStack.INGEST).resolve("/api/v1/events"))
                                .timeout(Duration.ofSeconds(120))
                                .header("Authorization", "Bearer " + stack.apiKey())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 202) {
                            accepted.incrementAndGet();
                            acceptedCounts.merge(IngestFaultSystemTest.canonicalText(event), 1, Integer::sum);
                            Thread.sleep(30);
                            break;
                        }
                        if (response.statusCode() != 503) {
                            unexpected.put(event, response.statusCode() + " " + response.body());
                            return;
                        }
                        refused.incrementAndGet();
                        if (response.body().contains("Kafka may still have written them")) {
                            unconfirmedCounts.merge(IngestFaultSystemTest.canonicalText(event), 1, Integer::sum);
                        }
                        Thread.sleep(1000);
                    } catch (IOException e) {
                        unexpected.put(event, e.toString());
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Every service's readiness four times a second, each answer within 1 s; while the broker is away, DOWN with why. */
    private static final class HealthWatch extends Thread {
        final AtomicBoolean outage = new AtomicBoolean();
        final AtomicBoolean stopped = new AtomicBoolean();
        final List<String> slowOrUnanswered = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, String> brokerAwaySeen = new ConcurrentHashMap<>();

        HealthWatch() {
            super("health-watch");
        }

        boolean allSawBrokerAway() {
            // The report's readiness is whether it answers reads (from memory): it stays UP while the broker is away.
            return brokerAwaySeen.keySet().containsAll(List.of(LocalStack.INGEST, LocalStack.METRICS));
        }

        @Override
        public void run() {
            while (!stopped.get()) {
                for (String service : List.of(LocalStack.INGEST, LocalStack.METRICS, LocalStack.REPORT)) {
                    check(service);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void check(String service) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.uri(service).resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (outage.get() && response.statusCode() == 503) {
                    for (JsonNode check : OutputTopics.json(response.body()).path("checks")) {
                        if (check.path("name").asText().equals("kafka") && check.path("status").asText().equals("DOWN")
                                && check.path("data").path("broker").asText().startsWith("no answer within")) {
                            brokerAwaySeen.putIfAbsent(service, check.path("data").path("broker").asText());
                        }
                    }
                }
            } catch (HttpTimeoutException e) {
                slowOrUnanswered.add(service + " readiness: no answer within 1 s");
            } catch (IOException e) {
                slowOrUnanswered.add(service + " readiness: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The ingest service's own meters once a second: its heap in use (all pools) and its queued sends. */
    private static final class IngestMeters extends Thread {
        private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} ([0-9.E+]+)$",
                Pattern.MULTILINE);
        private static final Pattern QUEUED = Pattern.compile("^ingest_sends_queued ([0-9.E+]+)$", Pattern.MULTILINE);
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicLong maxHeap = new AtomicLong();
        final AtomicLong maxQueued = new AtomicLong();
        final AtomicInteger samples = new AtomicInteger();

        IngestMeters() {
            super("ingest-meters");
        }

        @Override
        public void run() {
            while (!stopped.get()) {
                try {
                    String text = HTTP.send(HttpRequest.newBuilder(stack.uri(LocalStack.INGEST).resolve("/q/metrics"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                    long heap = 0;
                    for (Matcher m = HEAP.matcher(text); m.find();) {
                        heap += (long) Double.parseDouble(m.group(1));
                    }
                    Matcher queued = QUEUED.matcher(text);
                    if (heap > 0 && queued.find()) {
                        maxHeap.accumulateAndGet(heap, Math::max);
                        maxQueued.accumulateAndGet((long) Double.parseDouble(queued.group(1)), Math::max);
                        samples.incrementAndGet();
                    }
                    Thread.sleep(1000);
                } catch (IOException e) {
                    // the next sample
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static boolean allReady() {
        return Stream.of(LocalStack.INGEST, LocalStack.METRICS, LocalStack.REPORT).allMatch(service -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(stack.uri(service).resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static Map<String, Long> pids() {
        Map<String, Long> pids = new TreeMap<>();
        for (String service : List.of(LocalStack.INGEST, LocalStack.METRICS, LocalStack.REPORT)) {
            assertTrue(stack.process(service).isAlive(), service);
            pids.put(service, stack.process(service).pid());
        }
        return pids;
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaTestClient topics = new KafkaTestClient(stack.bootstrapServers())) {
            return topics.endOffsets(Stream.concat(Topics.INPUT.stream(), Topics.deadLetter().stream()).toList());
        }
    }

    /**
     * Each event is on the input topics at least as many times as a request carrying it was answered 202, and more
     * only where a 503 said Kafka may still have written it (sent, not acknowledged: a frozen broker can append a
     * request its client gave up on). Every other 503 put nothing there, not even after the broker came back. Nothing
     * reached a dead-letter topic.
     */
    private static void assertEachEventPublishedAsOftenAsAccepted(Map<TopicPartition, Long> before,
            Map<String, Integer> accepted, Map<String, Integer> unconfirmed) {
        List<ConsumerRecord<String, String>> records;
        try (KafkaTestClient topics = new KafkaTestClient(stack.bootstrapServers())) {
            records = topics.since(before);
        }
        assertEquals(List.of(), records.stream().filter(r -> Topics.deadLetter().contains(r.topic()))
                .map(r -> r.topic() + ": " + r.value()).toList(), "nothing on a dead-letter topic");
        Map<String, Integer> published = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            published.merge(IngestFaultSystemTest.canonicalText(record.value()), 1, Integer::sum);
        }
        List<String> wrong = new ArrayList<>();
        Stream.concat(published.keySet().stream(), accepted.keySet().stream()).distinct().forEach(event -> {
            int times = published.getOrDefault(event, 0);
            int atLeast = accepted.getOrDefault(event, 0);
            int atMost = atLeast + unconfirmed.getOrDefault(event, 0);
            if (times < atLeast || times > atMost) {
                wrong.add(event + " published " + times + " times, accepted " + atLeast + ", unconfirmed " + (atMost - atLeast));
            }
        });
        assertEquals(List.of(), wrong, "each event published as often as accepted (plus at most its unconfirmed 503s)");
    }
}
