package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.contracts.InputTopics;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * The service writes through one channel, one producer, and the connector-level Kafka settings reach it; readiness
 * probes every topic the service writes.
 */
@QuarkusTest
class ChannelSettingsTest {

    @Inject
    KafkaClientService clients;

    @ConfigProperty(name = "saasreport.kafka-health.topics")
    List<String> probedTopics;

    @Test
    void oneChannelHasAProducer() {
        assertEquals(Set.of(RecordSender.CHANNEL), clients.getProducerChannels());
    }

    @Test
    void theChannelSendsSafelyWithinBoundedTimes() {
        Map<String, ?> config = clients.getProducer(RecordSender.CHANNEL).configuration();
        assertEquals("all", String.valueOf(config.get("acks")));
        assertEquals("true", String.valueOf(config.get("enable.idempotence")));
        assertEquals("5000", String.valueOf(config.get("request.timeout.ms")));
        assertEquals("10000", String.valueOf(config.get("delivery.timeout.ms")));
        assertEquals("5000", String.valueOf(config.get("max.block.ms")));
        assertEquals("org.apache.kafka.common.serialization.StringSerializer", String.valueOf(config.get("key.serializer")));
    }

    @Test
    void readinessProbesEveryTopicTheServiceWrites() {
        assertEquals(InputTopics.ALL, probedTopics);
    }
}
