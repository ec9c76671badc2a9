package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured broker applies {@link KafkaAccess}: each principal may do its part and nothing more. */
class SecuredKafkaBrokerTest {

    @TempDir
    static Path dataDir;

    private static KafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() {
        KafkaBroker.Sasl sasl = KafkaBroker.Sasl.generate(KafkaAccess.PRINCIPAL_OF_SERVICE.values());
        broker = KafkaBroker.start(dataDir.resolve("kafka"), FreePort.find(), FreePort.find(), sasl);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void ingestWritesTheInputTopicsAndMetricsReadsThem() throws Exception {
        for (String topic : Topics.INPUT) {
            try (var producer = producer(broker.clientProperties(KafkaAccess.INGEST))) {
                producer.send(new ProducerRecord<>(topic, "ACL", "{}")).get();
            }
        }
        Map<String, Object> props = new HashMap<>(broker.clientProperties(KafkaAccess.METRICS));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "metrics-service");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("market.prices", 0);
            consumer.assign(List.of(partition));
            assertEquals(0L, consumer.beginningOffsets(List.of(partition)).get(partition));
            consumer.poll(Duration.ofMillis(100));
        }
    }

    @Test
    void theReportAndTheMetricsServiceCannotWriteMarketPrices() {
        for (String user : List.of(KafkaAccess.REPORT, KafkaAccess.METRICS)) {
            try (var producer = producer(broker.clientProperties(user))) {
                ExecutionException failure = assertThrows(ExecutionException.class,
                        () -> producer.send(new ProducerRecord<>("market.prices", "FAKE", "{}")).get());
                assertInstanceOf(TopicAuthorizationException.class, failure.getCause(), user);
            }
        }
    }

    @Test
    void theIngestServiceCannotWriteTheOutputs() {
        try (var producer = producer(broker.clientProperties(KafkaAccess.INGEST))) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("metrics.universe", "universe", "{}")).get());
            assertInstanceOf(TopicAuthorizationException.class, failure.getCause());
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        Map<String, Object> props = new HashMap<>(login);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
