package io.saasreport.metrics.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.saasreport.metrics.config.ApplicationProperties;
import io.saasreport.metrics.config.MetricsConfig;

/**
 * The service's topology in Kafka Streams' TopologyTestDriver (no broker): events in by type to their topics,
 * keyed as the ingest service keys them, every output record kept in order.
 */
final class TopologyHarness implements AutoCloseable {

    /**
     * The service's configuration with the universe stage on one partition: TopologyTestDriver runs one task per
     * sub-topology, which then holds every universe.
     */
    static final MetricsConfig CONFIG = ApplicationProperties.metricsConfig(
            Map.of("metrics.universe.partitions", "1"));
    static final MetricsConfig.Topics TOPIC = CONFIG.topic();
    private static final String APPLICATION_ID = "metrics-service-test";
    /** The universe stage's repartition topic ({@code universe-input}) as the driver names it. */
    private static final String UNIVERSE_INPUT = APPLICATION_ID + "-universe-input-repartition";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, String>> inputs = new LinkedHashMap<>();
    private final TestOutputTopic<String, String> companies;
    private final TestOutputTopic<String, String> universe;
    private final TestOutputTopic<String, String> alerts;
    private final TestInputTopic<String, String> definitions;
    final List<TestRecord<String, String>> companyRecords = new ArrayList<>();
    /** The default universe's records (key "universe"), as before named universes existed. */
    final List<TestRecord<String, String>> universeRecords = new ArrayList<>();
    /** Every record on metrics.universe, whatever its universe. */
    final List<TestRecord<String, String>> allUniverseRecords = new ArrayList<>();
    final List<TestRecord<String, String>> alertRecords = new ArrayList<>();

    TopologyHarness() {
        this(new Properties());
    }

    /** With extra Streams properties (e.g. a state directory that outlives the driver). */
    TopologyHarness(Properties extra) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.putAll(extra);
        driver = new TopologyTestDriver(MetricsTopology.build(CONFIG, new ProcessingMeters(registry)), properties);
        for (String topic : MetricsTopology.inputs(TOPIC)) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
        }
        companies = driver.createOutputTopic(TOPIC.company(), new StringDeserializer(), new StringDeserializer());
        universe = driver.createOutputTopic(TOPIC.universe(), new StringDeserializer(), new StringDeserializer());
        alerts = driver.createOutputTopic(TOPIC.alerts(), new StringDeserializer(), new StringDeserializer());
        definitions = driver.createInputTopic(TOPIC.definitions(), new StringSerializer(), new StringSerializer());
    }

    /** A universe definition as the ingest service publishes it ({@code null}: the tombstone that removes it). */
    void define(String name, String definitionJson) {
        definitions.pipeInput(name, definitionJson);
        drain();
    }

    /** One NDJSON event line, to the topic of its type, keyed by its ticker ({@code macro} for macro events). */
    void send(String line) {
        JsonNode event = json(line);
        String type = event.path("type").asText();
        send(topicOf(type), type.equals("macro") ? "macro" : event.path("ticker").asText(), line);
    }

    void send(String topic, String key, String value) {
        send(topic, key, value, new RecordHeaders());
    }

    /** One NDJSON event line as ingest sends it: with its CloudEvents id in the {@code ce_id} header. */
    void sendWithId(String line, String id) {
        JsonNode event = json(line);
        String type = event.path("type").asText();
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, CloudEventHeaders.bytes(id));
        send(topicOf(type), type.equals("macro") ? "macro" : event.path("ticker").asText(), line, headers);
    }

    private void send(String topic, String key, String value, RecordHeaders headers) {
        TestInputTopic<String, String> input = inputs.get(topic);
        if (input == null) {
            throw new IllegalArgumentException("not an input topic: " + topic);
        }
        input.pipeInput(new TestRecord<>(key, value, headers));
        drain();
    }

    /**
     * One publish interval: stage 1 sends the changed companies to the universe stage, whose punctuation then
     * publishes (the driver runs both punctuations in one step, before the records between them: two steps).
     */
    void publishInterval() {
        driver.advanceWallClockTime(CONFIG.universe().publishInterval());
        driver.advanceWallClockTime(CONFIG.universe().publishInterval());
        drain();
    }

    void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
        drain();
    }

    private void drain() {
        companyRecords.addAll(companies.readRecordsToList());
        for (TestRecord<String, String> record : universe.readRecordsToList()) {
            allUniverseRecords.add(record);
            if (io.saasreport.metrics.domain.universe.Universes.DEFAULT.equals(record.key())) {
                universeRecords.add(record);
            }
        }
        alertRecords.addAll(alerts.readRecordsToList());
    }

    /** The last record of one universe on metrics.universe (null when none, or its tombstone). */
    JsonNode latestUniverse(String name) {
        String value = null;
        boolean seen = false;
        for (TestRecord<String, String> record : allUniverseRecords) {
            if (name.equals(record.key())) {
                value = record.value();
                seen = true;
            }
        }
        if (!seen) {
            throw new AssertionError("nothing published for universe " + name);
        }
        return value == null ? null : json(value);
    }

    /** A company as stage 1 would read it back from its stores (after a restart or a move). */
    io.saasreport.metrics.domain.company.RevisedCompany.Stored storedCompany(String ticker) {
        CompanyStores stores = new CompanyStores(driver.getKeyValueStore(CompanyStores.REVISIONS),
                driver.getKeyValueStore(CompanyStores.FACTS), driver.getKeyValueStore(CompanyStores.PRICES));
        return stores.load(ticker).company().stored();
    }

    /** What stage 1 wrote to the universe stage's internal input topic since last asked. */
    List<TestRecord<String, byte[]>> universeInputRecords() {
        return driver.createOutputTopic(UNIVERSE_INPUT, new StringDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    /** A record straight onto the universe stage's internal input topic, as any version of stage 1 wrote it. */
    void sendToUniverseInput(String key, byte[] value) {
        driver.createInputTopic(UNIVERSE_INPUT, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(key, value);
        drain();
    }

    List<TestRecord<String, String>> deadLetters(String inputTopic) {
        return driver.createOutputTopic(inputTopic + ".dlq", new StringDeserializer(), new StringDeserializer())
                .readRecordsToList();
    }

    /** The last record of each ticker on metrics.company, as JSON (a ticker whose last record is a tombstone: absent). */
    Map<String, JsonNode> latestCompanies() {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        companyRecords.forEach(record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), json(record.value()));
            }
        });
        return latest;
    }

    JsonNode latestUniverse() {
        if (universeRecords.isEmpty()) {
            throw new AssertionError("no universe published");
        }
        return json(universeRecords.get(universeRecords.size() - 1).value());
    }

    @Override
    public void close() {
        driver.close();
    }

    static String topicOf(String type) {
        return switch (type) {
            case "price" -> TOPIC.prices();
            case "filing" -> TOPIC.filings();
            case "estimate" -> TOPIC.estimates();
            case "macro" -> TOPIC.macro();
            case "company" -> TOPIC.profiles();
            // Corrections travel with what they correct: in order with the company's prices, or its filings.
            case "price-correction" -> TOPIC.prices();
            case "filing-withdrawal", "company-removal" -> TOPIC.filings();
            default -> throw new IllegalArgumentException("unknown event type " + type);
        };
    }

    static JsonNode json(String text) {
        try {
            return StreamJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = TopologyHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> workedExampleEvents() {
        return resource("/example/events.ndjson").lines().filter(line -> !line.isBlank()).toList();
    }
}
