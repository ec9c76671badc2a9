package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metrics service's output topics as a consumer sees them: committed records only (read_committed), every
 * record in order, the last one of each key, and the check that each key's revisions only grow.
 */
final class OutputTopics {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String bootstrapServers;

    OutputTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every committed record of the topic, in order per partition (up to the last stable offset). */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = lastStableOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The last committed record of each key, as JSON; asserts on the way that revisions grow strictly per key. */
    Map<String, JsonNode> latestByKey(String topic) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : readAll(topic)) {
            JsonNode value = json(record.value());
            JsonNode previous = latest.put(record.key(), value);
            long revision = value.path("revision").asLong(-1);
            assertTrue(revision >= 1, topic + " " + record.key() + " without a revision: " + record.value());
            if (previous != null) {
                long before = previous.path("revision").asLong();
                assertTrue(revision > before, topic + " " + record.key() + ": revision " + revision + " after " + before
                        + " at offset " + record.offset());
            }
        }
        return latest;
    }

    private Map<TopicPartition, Long> lastStableOffsets(List<TopicPartition> partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + partitions, e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
