package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.testsupport.KafkaTestClient;

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
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.all(topic);
        }
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

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
