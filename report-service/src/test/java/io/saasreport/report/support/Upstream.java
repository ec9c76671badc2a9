package io.saasreport.report.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.config.ReportConfig;
import io.saasreport.testsupport.KafkaTestClient;
import io.saasreport.testsupport.KafkaTestResource;
import io.smallrye.config.SmallRyeConfig;

/**
 * The report's upstream in tests: publishes on the topics the report consumes, as the metrics service and ingest do
 * (JSON values, keyed as the spec says, with CloudEvents headers), through the tests' one Kafka client, each send
 * waiting for the broker's ack; and reads the report's dead-letter topics.
 */
public final class Upstream {

    /** The report's channels, as named in its configuration ({@code report.kafka.<channel>.topic}). */
    public static final String COMPANY = "company";
    public static final String UNIVERSE = "universe";
    public static final String FILINGS = "filings";
    public static final String ALERTS = "alerts";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void company(String json) {
        send(topicOf(COMPANY), field(json, "ticker"), json, "io.saasreport.metrics.company");
    }

    /** The worked example's companies and its universe, once the API serves the universe. */
    public static void example() {
        companies(ExampleData.AS_OF);
        universe(ExampleData.universe(ExampleData.AS_OF));
        Api.eventually(() -> Api.given().get("/api/v1/universe").then().statusCode(200));
    }

    public static void companies(Instant asOf) {
        ExampleData.TICKERS.forEach(ticker -> company(ExampleData.company(ticker, asOf)));
    }

    /** A tombstone: the compacted topic's way of saying the company is gone. */
    public static void companyRemoved(String ticker) {
        send(topicOf(COMPANY), ticker, null, "io.saasreport.metrics.company");
    }

    /** The same, published at {@code at} (the record's timestamp: when the report takes the company as removed). */
    public static void companyRemoved(String ticker, Instant at) {
        KafkaTestClient.onTestBroker().send(topicOf(COMPANY), ticker, null, Map.of(
                "ce_type", "io.saasreport.metrics.company",
                "ce_source", "/report-service/tests",
                "ce_id", UUID.randomUUID().toString(),
                "ce_time", at.toString()), at);
    }

    public static void universe(String json) {
        send(topicOf(UNIVERSE), "universe", json, "io.saasreport.metrics.universe");
    }

    /** A named universe's statistics, under its name. */
    public static void universe(String name, String json) {
        send(topicOf(UNIVERSE), name, json, "io.saasreport.metrics.universe");
    }

    /** A removed universe's tombstone. */
    public static void universeRemoved(String name) {
        send(topicOf(UNIVERSE), name, null, "io.saasreport.metrics.universe");
    }

    public static void alert(String json) {
        send(topicOf(ALERTS), field(json, "universe"), json, "io.saasreport.metrics.alert");
    }

    public static void filing(String json) {
        send(topicOf(FILINGS), field(json, "ticker"), json, "io.saasreport.ingest.filing");
    }

    /** Anything, on any topic: for records the report must survive. */
    public static void raw(String topic, String key, String value) {
        send(topic, key, value, "io.saasreport.test.raw");
    }

    /** The topic a channel of the application reads. */
    public static String topicOf(String channel) {
        return ConfigProvider.getConfig().getValue("report.kafka." + channel + ".topic", String.class);
    }

    /** The dead-letter topic of a channel. */
    public static String deadLetterTopicOf(String channel) {
        return ConfigProvider.getConfig().getValue("report.kafka." + channel + ".dead-letter-topic", String.class);
    }

    /** Everything on a channel's dead-letter topic so far. */
    public static List<ConsumerRecord<String, String>> deadLetters(String channel) {
        return KafkaTestClient.onTestBroker().all(deadLetterTopicOf(channel));
    }

    /**
     * Waits until the report's writers have stored everything published so far: their group's committed offsets
     * reach the end of every topic they read. (The REST answers come from memory and may show a value before it is
     * stored; history and filings are read from the database.)
     */
    public static void awaitStored() {
        String group = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(ReportConfig.class)
                .kafka().group();
        List<String> topics = List.of(topicOf(COMPANY), topicOf(UNIVERSE), topicOf(FILINGS), topicOf(ALERTS));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            Awaitility.await().atMost(Api.DELIVERY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                    OffsetAndMetadata position = committed.get(partition);
                    long stored = position == null ? 0 : position.offset();
                    if (stored < end.offset()) {
                        throw new AssertionError(partition + " stored up to " + stored + " of " + end.offset());
                    }
                });
            });
        }
    }

    private static void send(String topic, String key, String value, String type) {
        KafkaTestClient.onTestBroker().send(topic, key, value, Map.of(
                "ce_type", type,
                "ce_source", "/report-service/tests",
                "ce_id", UUID.randomUUID().toString(),
                "ce_time", Instant.now().toString()));
    }

    private static String field(String json, String name) {
        try {
            return MAPPER.readTree(json).get(name).asText();
        } catch (Exception e) {
            throw new IllegalArgumentException("No " + name + " in " + json, e);
        }
    }

    private Upstream() {
    }
}
