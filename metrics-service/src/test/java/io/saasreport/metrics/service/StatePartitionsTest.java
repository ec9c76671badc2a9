package io.saasreport.metrics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.saasreport.testsupport.KafkaTestResource;

/**
 * The partition change on a real broker: input partitions added after the state was built are refused at start
 * with what to do; a first start (no state yet) and an unchanged count pass; input topics that disagree are refused.
 */
class StatePartitionsTest {

    private static final long TIMEOUT = 30_000;
    private Admin admin;
    private String prefix;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()));
        prefix = "partitions-" + UUID.randomUUID() + "-";
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aFirstStartAndAnUnchangedCountPass() throws Exception {
        create("prices", 3);
        create("filings", 3);

        StatePartitions.Found first = StatePartitions.verify(admin, inputs(), topic("state"), TIMEOUT);
        assertNull(first.state(), "no state yet");

        create("state", 3);
        assertEquals(3, StatePartitions.verify(admin, inputs(), topic("state"), TIMEOUT).state());
    }

    @Test
    void inputPartitionsAddedAfterTheStateWasBuiltAreRefusedWithWhatToDo() throws Exception {
        create("prices", 3);
        create("filings", 3);
        create("state", 3);

        admin.createPartitions(Map.of(topic("prices"), NewPartitions.increaseTo(6),
                topic("filings"), NewPartitions.increaseTo(6))).all().get();
        awaitPartitions(inputs(), 6);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> StatePartitions.verify(admin, inputs(), topic("state"), TIMEOUT));
        assertTrue(refused.getMessage().contains("have 6 partitions, but the metrics service's state ("
                + topic("state") + ") was built with 3"), refused.getMessage());
        assertTrue(refused.getMessage().contains("give the input topics 3 partitions again, or stop every instance, "
                + "reset the application"), refused.getMessage());
    }

    @Test
    void inputTopicsThatDisagreeAreRefused() throws Exception {
        create("prices", 3);
        create("filings", 4);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> StatePartitions.verify(admin, inputs(), topic("state"), TIMEOUT));
        assertTrue(refused.getMessage().contains("different partition counts"), refused.getMessage());
    }

    private List<String> inputs() {
        return List.of(topic("prices"), topic("filings"));
    }

    private String topic(String name) {
        return prefix + name;
    }

    private void create(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic(name), partitions, (short) 1))).all().get();
        awaitPartitions(List.of(topic(name)), partitions);
    }

    /** The broker's metadata shows a topic, and new partitions, a moment after the change is acknowledged. */
    private void awaitPartitions(List<String> topics, int partitions) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.describeTopics(topics)
                .allTopicNames().get().values().stream().allMatch(topic -> topic.partitions().size() == partitions));
    }
}
