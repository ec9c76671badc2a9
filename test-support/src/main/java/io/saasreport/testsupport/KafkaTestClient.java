package io.saasreport.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tests' one Kafka client: sends records the way the services do (acks=all, idempotent, each send waits for the
 * broker) and reads what landed on topics, committed records only, up to the end offsets of the moment it is asked
 * (so a read never waits for silence). Reads need no consumer group: partitions are assigned, never subscribed.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static KafkaTestClient testBroker;

    private final Map<String, Object> config;
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;

    /** A client of the cluster at bootstrapServers. */
    public KafkaTestClient(String bootstrapServers) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A client with these client properties (bootstrap servers, and security for a secured cluster). */
    public KafkaTestClient(Map<String, Object> config) {
        this.config = Map.copyOf(config);
    }

    /** The client of {@link KafkaTestResource}'s broker, shared by the test JVM and closed when it exits. */
    public static synchronized KafkaTestClient onTestBroker() {
        if (testBroker == null) {
            testBroker = new KafkaTestClient(KafkaTestResource.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(testBroker::close));
        }
        return testBroker;
    }

    /** Sends one record (value null: a tombstone) and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** The same, with these headers (UTF-8 values). */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        send(topic, key, value, headers, null);
    }

    /** The same, with the record's timestamp (null: the producer's clock). */
    public synchronized void send(String topic, String key, String value, Map<String, String> headers,
            java.time.Instant timestamp) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                timestamp == null ? null : timestamp.toEpochMilli(), key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    /** The end offset of every partition of the topics now: a starting point for {@link #since}. */
    public synchronized Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        return new HashMap<>(consumer().endOffsets(partitionsOf(topics), READ_TIMEOUT));
    }

    /** Every committed record from {@code from} up to the partitions' end offsets now, in order per partition. */
    public synchronized List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> from) {
        KafkaConsumer<String, String> reader = consumer();
        Map<TopicPartition, Long> end = reader.endOffsets(from.keySet(), READ_TIMEOUT);
        reader.assign(from.keySet());
        from.forEach(reader::seek);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read up to the end offsets " + end);
            }
            reader.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** Every committed record in the topics now, in order per partition. */
    public synchronized List<ConsumerRecord<String, String>> all(String... topics) {
        Map<TopicPartition, Long> beginning = new HashMap<>(consumer().beginningOffsets(partitionsOf(List.of(topics)), READ_TIMEOUT));
        return since(beginning);
    }

    /** The records of one topic among records. */
    public static List<ConsumerRecord<String, String>> on(String topic, List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    /** A header's value as text, or null when the record has none of that name. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
        if (consumer != null) {
            consumer.close();
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer().partitionsFor(topic, READ_TIMEOUT).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(config);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Map<String, Object> settings = new HashMap<>(config);
            // Transactional writers (the metrics service): only committed records count, up to the last stable offset.
            settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        }
        return consumer;
    }
}
