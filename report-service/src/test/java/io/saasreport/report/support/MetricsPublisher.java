package io.saasreport.report.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.listener.CompanyMetricsListener;
import io.saasreport.report.listener.FilingListener;
import io.saasreport.report.listener.UniverseStatisticsListener;
import io.saasreport.stack.test.KafkaTestResource;

/**
 * Publishes on the topics the report consumes, as the metrics service and ingest do: JSON values, keyed as the
 * spec says, with CloudEvents headers. A plain Kafka producer on the test broker; each send waits for the broker's ack.
 */
public final class MetricsPublisher {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    public static void company(String json) {
        send(topicOf(CompanyMetricsListener.CHANNEL), field(json, "ticker"), json, "io.saasreport.metrics.company");
    }

    public static void companies(Instant asOf) {
        ExampleData.TICKERS.forEach(ticker -> company(ExampleData.company(ticker, asOf)));
    }

    /** A tombstone: the compacted topic's way of saying the company is gone. */
    public static void companyRemoved(String ticker) {
        send(topicOf(CompanyMetricsListener.CHANNEL), ticker, null, "io.saasreport.metrics.company");
    }

    public static void universe(String json) {
        send(topicOf(UniverseStatisticsListener.CHANNEL), "universe", json, "io.saasreport.metrics.universe");
    }

    public static void filing(String json) {
        send(topicOf(FilingListener.CHANNEL), field(json, "ticker"), json, "io.saasreport.ingest.filing");
    }

    /** Anything, on any topic: for records the report must survive. */
    public static void raw(String topic, String key, String value) {
        send(topic, key, value, "io.saasreport.test.raw");
    }

    /** The topic a channel of the application is bound to. */
    public static String topicOf(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }

    private static void send(String topic, String key, String value, String type) {
        List<Header> headers = List.of(
                header("ce_type", type),
                header("ce_source", "/report-service/tests"),
                header("ce_id", UUID.randomUUID().toString()),
                header("ce_time", Instant.now().toString()));
        try {
            producer().send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish on " + topic, e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        try {
            return MAPPER.readTree(json).get(name).asText();
        } catch (Exception e) {
            throw new IllegalArgumentException("No " + name + " in " + json, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }

    private MetricsPublisher() {
    }
}
