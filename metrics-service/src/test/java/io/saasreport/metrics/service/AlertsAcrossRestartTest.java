package io.saasreport.metrics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.saasreport.metrics.config.ApplicationProperties;
import io.saasreport.metrics.config.MetricsConfig;
import io.saasreport.metrics.stream.MetricsTopology;
import io.saasreport.metrics.stream.ProcessingMeters;
import io.saasreport.testsupport.KafkaTestClient;
import io.saasreport.testsupport.KafkaTestResource;

/**
 * Alerts are raised exactly once across a restart of the metrics service: the topology runs on the real broker
 * (exactly_once_v2, three universe partitions), is stopped, its local state deleted, and started again (restoring
 * from the changelogs, the universe stage rebuilding its universes from its stores); the scripted changes after the
 * restart raise exactly their alerts and nothing raised before comes again.
 */
class AlertsAcrossRestartTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
    /** The service's configuration on topics of this test's own. */
    private final MetricsConfig config = ApplicationProperties.metricsConfig(Stream.of("prices", "filings",
            "estimates", "profiles", "macro", "company", "universe", "definitions", "alerts")
            .collect(Collectors.toMap(name -> "metrics.topic." + name, name -> name + suffix)));
    private final MetricsConfig.Topics topic = config.topic();

    @Test
    void noAlertTwiceAfterARestart() throws Exception {
        createTopics();
        Path stateDir = Files.createTempDirectory("alerts-restart");
        KafkaStreams streams = start(stateDir);
        Set<String> loaded = new HashSet<>();
        try {
            for (String line : resource("example/events.ndjson").lines().filter(l -> !l.isBlank()).toList()) {
                JsonNode event = MAPPER.readTree(line);
                String type = event.path("type").asText();
                KafkaTestClient.onTestBroker().send(topicOf(type), type.equals("macro") ? "macro" : event.path("ticker").asText(), line);
            }
            awaitUniverse("universe", figures -> figures.path("companyCount").asInt() == 8
                    && figures.path("asOf").asText().equals("2026-11-20T21:21:00Z"));
            KafkaTestClient.onTestBroker().send(topic.definitions(), "growth",
                    "{\"name\":\"growth\",\"rule\":\"ntmGrowth > 0.25 and evToNtmRevenue < 16\"}");
            KafkaTestClient.onTestBroker().send(topic.definitions(), "premium",
                    "{\"name\":\"premium\",\"rule\":\"ntmGrowth > 0.25 and not (evToNtmRevenue < 16)\"}");
            awaitUniverse("growth", figures -> figures.path("companyCount").asInt() == 5);
            awaitUniverse("premium", figures -> figures.path("companyCount").asInt() == 1);
            // Whatever the load raised (its ticks arrive over several publish intervals) stays as it is.
            alerts().forEach(alert -> loaded.add(alert.path("id").asText()));

            price("UMV", 125.0, "2026-11-21T15:00:00Z");
            awaitAlert("universe multiple-moved UMV 2026-11-21T15:00:00Z");
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
        deleteRecursively(stateDir); // the restart restores everything from the changelogs

        streams = start(Files.createTempDirectory("alerts-restart"));
        try {
            KafkaTestClient.onTestBroker().send(topic.estimates(), "OJV", "{\"type\":\"estimate\",\"ticker\":\"OJV\","
                    + "\"asOf\":\"2026-11-21T12:00:00Z\",\"ntmRevenue\":6189194802.55,\"ntmFcf\":2276321143.79}");
            awaitAlert("universe bucket-changed OJV 2026-11-21T12:00:00Z");
            price("WMRM", 520.0, "2026-11-21T16:00:00Z");
            awaitAlert("premium top10-entered WMRM 2026-11-21T16:00:00Z");
            awaitAlert("growth median-moved - 2026-11-20T21:21:00Z");
            price("UMV", 104.38, "2026-11-22T15:00:00Z"); // the last step: its alert closes the script
            awaitAlert("universe multiple-moved UMV 2026-11-22T15:00:00Z");

            List<JsonNode> all = alerts();
            Set<String> ids = new HashSet<>();
            all.forEach(alert -> assertTrue(ids.add(alert.path("id").asText()), "raised twice: " + alert));
            List<String> expected = List.of(
                    "universe multiple-moved UMV 2026-11-21T15:00:00Z",
                    "universe bucket-changed OJV 2026-11-21T12:00:00Z",
                    "universe multiple-moved WMRM 2026-11-21T16:00:00Z",
                    "premium multiple-moved WMRM 2026-11-21T16:00:00Z",
                    "growth top10-left WMRM 2026-11-20T21:21:00Z",
                    "growth median-moved - 2026-11-20T21:21:00Z",
                    "premium top10-entered WMRM 2026-11-21T16:00:00Z",
                    "universe multiple-moved UMV 2026-11-22T15:00:00Z");
            // Alerts of different universes may sit on different partitions: compared in any order.
            assertEquals(sorted(expected), sorted(all.stream().filter(alert -> !loaded.contains(alert.path("id").asText()))
                    .map(AlertsAcrossRestartTest::describe).toList()));
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static String describe(JsonNode alert) {
        return alert.path("universe").asText() + " " + alert.path("type").asText() + " "
                + (alert.has("ticker") ? alert.path("ticker").asText() : "-") + " " + alert.path("at").asText();
    }

    private KafkaStreams start(Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-restart" + suffix);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        KafkaStreams streams = new KafkaStreams(MetricsTopology.build(config,
                new ProcessingMeters(new SimpleMeterRegistry())), properties);
        streams.start();
        Awaitility.await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String input : List.of(topic.prices(), topic.filings(), topic.estimates(),
                    topic.profiles(), topic.macro())) {
                topics.add(new NewTopic(input, 3, (short) 1));
            }
            Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            topics.add(new NewTopic(topic.definitions(), 3, (short) 1).configs(compacted));
            topics.add(new NewTopic(topic.company(), 3, (short) 1).configs(compacted));
            topics.add(new NewTopic(topic.universe(), 1, (short) 1).configs(compacted));
            topics.add(new NewTopic(topic.alerts(), 3, (short) 1));
            admin.createTopics(topics).all().get();
        }
    }

    private void price(String ticker, double price, String at) {
        KafkaTestClient.onTestBroker().send(topic.prices(), ticker, "{\"type\":\"price\",\"ticker\":\"" + ticker + "\",\"price\":"
                + price + ",\"at\":\"" + at + "\"}");
    }

    private void awaitUniverse(String name, java.util.function.Predicate<JsonNode> condition) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode latest = null;
            for (ConsumerRecord<String, String> record : KafkaTestClient.onTestBroker().all(topic.universe())) {
                if (name.equals(record.key())) {
                    latest = MAPPER.readTree(record.value());
                }
            }
            return latest != null && condition.test(latest);
        });
    }

    /** Waits for the alert so described ({@link #describe}). */
    private void awaitAlert(String description) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> alerts().stream()
                .anyMatch(alert -> describe(alert).equals(description)));
    }

    private List<JsonNode> alerts() throws IOException {
        List<JsonNode> alerts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTestClient.onTestBroker().all(topic.alerts())) {
            alerts.add(MAPPER.readTree(record.value()));
        }
        return alerts;
    }

    private String topicOf(String type) {
        return switch (type) {
            case "price" -> topic.prices();
            case "filing" -> topic.filings();
            case "estimate" -> topic.estimates();
            case "macro" -> topic.macro();
            default -> topic.profiles();
        };
    }

    private static String resource(String name) {
        try (InputStream in = AlertsAcrossRestartTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
