package io.saasreport.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.saasreport.stack.Topics;
import io.saasreport.stack.test.KafkaTestResource;

/**
 * Reads what the service published on the input topics of the real test broker, with a plain
 * KafkaConsumer: note the end offsets before a request, then read everything written since.
 */
public final class TopicRecords {

    /** The event topics and the universe definitions: everything the ingest service writes. */
    public static final List<String> INPUT_TOPICS = java.util.stream.Stream.concat(Topics.INPUT.stream(),
            java.util.stream.Stream.of(Topics.DEFINITIONS)).toList();

    /** The current end offset of every partition of every input topic. */
    public static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = INPUT_TOPICS.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Every record written to the input topics after {@code start}, up to the end offsets of now. */
    public static List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> start) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read up to the end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records of one topic among {@code records}, in offset order per partition. */
    public static List<ConsumerRecord<String, String>> on(String topic, List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(record -> record.topic().equals(topic)).collect(Collectors.toList());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(props);
    }

    private TopicRecords() {
    }
}
