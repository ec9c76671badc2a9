package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** The connector-level Kafka settings reach every channel's producer: written once, in force five times. */
@QuarkusTest
class ChannelSettingsTest {

    @Inject
    KafkaClientService clients;

    @Test
    void everyChannelHasAProducer() {
        assertEquals(Set.of(Channels.PRICES, Channels.FILINGS, Channels.ESTIMATES, Channels.MACRO, Channels.COMPANIES,
                Channels.DEFINITIONS, Channels.PRICE_CORRECTIONS, Channels.FILING_CORRECTIONS),
                clients.getProducerChannels());
    }

    @ParameterizedTest
    @ValueSource(strings = { Channels.PRICES, Channels.FILINGS, Channels.ESTIMATES, Channels.MACRO, Channels.COMPANIES,
        Channels.DEFINITIONS, Channels.PRICE_CORRECTIONS, Channels.FILING_CORRECTIONS })
    void everyChannelSendsSafelyWithinBoundedTimes(String channel) {
        Map<String, ?> config = clients.getProducer(channel).configuration();
        assertEquals("all", String.valueOf(config.get("acks")), channel);
        assertEquals("true", String.valueOf(config.get("enable.idempotence")), channel);
        assertEquals("5000", String.valueOf(config.get("request.timeout.ms")), channel);
        assertEquals("10000", String.valueOf(config.get("delivery.timeout.ms")), channel);
        assertEquals("5000", String.valueOf(config.get("max.block.ms")), channel);
        assertEquals("org.apache.kafka.common.serialization.StringSerializer", String.valueOf(config.get("key.serializer")), channel);
    }
}
