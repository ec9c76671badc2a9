package io.saasreport.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Price ticks written straight into {@code market.prices}, and the same records read back as a plain consumer would. */
final class PriceTopic {

    static final String PRICES = "market.prices";

    private final String bootstrap;

    PriceTopic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    String bootstrap() {
        return bootstrap;
    }

    KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new StringDeserializer());
    }

    static ProducerRecord<String, String> tick(String ticker, double price, Instant at) {
        String value = "{\"type\":\"price\",\"ticker\":\"" + ticker + "\",\"price\":" + price + ",\"at\":\"" + at + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(PRICES, ticker, value);
        // The headers the ingest service writes, so the record is one of its own.
        record.headers().add(header("ce_specversion", "1.0")).add(header("ce_type", "io.saasreport.event.price"))
                .add(header("ce_source", "/benchmark")).add(header("ce_id", UUID.randomUUID().toString()))
                .add(header("ce_time", Instant.now().toString())).add(header("content-type", "application/json"));
        return record;
    }

    private static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} ticks over the tickers in turn, prices from {@code lowest} to {@code lowest + 9.99}, a microsecond apart. */
    void write(List<String> tickers, int count, double lowest, Instant base) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(tick(tickers.get(i % tickers.size()), lowest + (i % 1000) / 100.0, base.plus(i, ChronoUnit.MICROS)));
            }
            producer.flush();
        }
    }

    /** Writes ticks at the target rate, paced per millisecond slot, until the duration is over. */
    void hold(List<String> tickers, int rate, long start, long duration, AtomicLong sent) {
        Instant base = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, String> producer = producer()) {
            long i = 0;
            while (true) {
                long elapsed = System.nanoTime() - start;
                if (elapsed >= duration) {
                    break;
                }
                long due = (long) (rate * (elapsed / 1e9));
                if (i >= due) {
                    Thread.sleep(1);
                    continue;
                }
                for (; i < due; i++) {
                    producer.send(tick(tickers.get((int) (i % tickers.size())), 50 + (i % 1000) / 100.0,
                            base.plus(i, ChronoUnit.MICROS)));
                }
                sent.set(i);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end offsets of {@code market.prices} now: where the next records will be. */
    Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return endOffsets(consumer, PRICES);
        }
    }

    static Map<TopicPartition, Long> endOffsets(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        return new LinkedHashMap<>(consumer.endOffsets(partitions));
    }

    /** How many records a plain read got, when (System.nanoTime) its first poll returned any, and how many. */
    record RawRead(long records, long firstRecordAt, long firstPoll) {
    }

    /** Reads {@code count} records from {@code from} on, as a plain consumer would, for at most {@code wait}. */
    RawRead readCommitted(Map<TopicPartition, Long> from, long count, Duration wait) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long read = 0;
            long firstRecordAt = 0;
            long firstPoll = 0;
            long deadline = System.nanoTime() + wait.toNanos();
            while (read < count && System.nanoTime() < deadline) {
                int polled = consumer.poll(Duration.ofMillis(200)).count();
                if (polled > 0 && read == 0) {
                    firstRecordAt = System.nanoTime();
                    firstPoll = polled;
                }
                read += polled;
            }
            return new RawRead(read, firstRecordAt, firstPoll);
        }
    }
}
