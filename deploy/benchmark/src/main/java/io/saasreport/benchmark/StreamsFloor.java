package io.saasreport.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.saasreport.stack.LocalStack;

/**
 * Kafka Streams' own floor beside the metrics service: the least an exactly-once app can do with the same records and
 * the same commit settings. It keeps the latest value per ticker in a changelogged in-memory store and writes the
 * changed tickers through a record-cached table, so it pays what the engine charges (deserialization, the task's
 * queues, a changelog write per change, the cache, the transaction) and none of the service's own work. It starts
 * at the offsets it is given (committed for its group before it starts) and is timed from its first record to the
 * last one asked for.
 */
final class StreamsFloor {

    private static final String STORE = "latest-per-ticker";
    /** Starts the line with which a floor in a fresh JVM reports what it read. */
    private static final String RESULT = "[streams-floor] read";

    /** How many records the floor read, in how many nanoseconds from its first record to its last. */
    record Read(long records, long nanos) {
        double perSecond() {
            return records / Figures.seconds(nanos);
        }
    }

    private StreamsFloor() {
    }

    static Read run(String bootstrap, String topic, Map<TopicPartition, Long> from, long count, long commitIntervalMs,
            long cacheBytes, Path stateDir, Duration timeout) throws Exception {
        String applicationId = "benchmark-streams-floor-" + System.currentTimeMillis();
        String output = createOutput(bootstrap, applicationId, from.size());
        startAt(bootstrap, applicationId, from);

        AtomicLong seen = new AtomicLong();
        AtomicLong firstAt = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Topology topology = topology(topic, output, applicationId, () -> new Latest(seen, firstAt, lastAt, count, done));
        Properties props = properties(bootstrap, applicationId, stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the Streams floor read " + seen.get() + " of " + count + " records in "
                        + timeout.toSeconds() + " s");
            }
            streams.close(Duration.ofSeconds(30));
        }
        return new Read(seen.get(), lastAt.get() - firstAt.get());
    }

    /**
     * {@link #run} in a JVM of its own, started as the local stack starts the metrics service (its heaps and options)
     * on this JVM's class path: cold as a restarted service is, its code interpreted until its compiler has caught up.
     * The child's output goes to {@code <stateDir>.log}; its result is the line after {@link #RESULT}.
     */
    static Read runInFreshJvm(String bootstrap, String topic, Map<TopicPartition, Long> from, long count,
            long commitIntervalMs, long cacheBytes, Path stateDir, Duration timeout) throws Exception {
        StringBuilder offsets = new StringBuilder();
        from.forEach((partition, offset) -> offsets.append(offsets.isEmpty() ? "" : ",")
                .append(partition.partition()).append(':').append(offset));
        Path log = stateDir.resolveSibling(stateDir.getFileName() + ".log");
        Files.createDirectories(stateDir);
        Process process = LocalStack.javaProcess(LocalStack.METRICS, List.of("-cp", LocalStack.classPath(),
                        StreamsFloor.class.getName(), bootstrap, topic, offsets.toString(), String.valueOf(count),
                        String.valueOf(commitIntervalMs), String.valueOf(cacheBytes), stateDir.toString(),
                        String.valueOf(timeout.toSeconds())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            if (!process.waitFor(timeout.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Streams floor in a fresh JVM did not end within "
                        + (timeout.toSeconds() + 60) + " s: see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the Streams floor in a fresh JVM exited with " + process.exitValue()
                        + ": see " + log);
            }
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // A JVM flag may print after it (a heap summary at exit): the last line that starts with the marker.
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(RESULT)) {
                String[] read = lines.get(i).substring(RESULT.length()).trim().split(" ");
                return new Read(Long.parseLong(read[0]), Long.parseLong(read[1]));
            }
        }
        throw new IllegalStateException("the Streams floor in a fresh JVM printed no result: see " + log);
    }

    /**
     * {@link #runInFreshJvm}'s child: bootstrap, topic, {@code partition:offset,…}, count, commit interval (ms), cache
     * bytes, state directory, timeout (s). Prints {@link #RESULT}, the records and the nanoseconds; exits 1 on failure.
     */
    public static void main(String[] args) {
        try {
            Map<TopicPartition, Long> from = new HashMap<>();
            for (String offset : args[2].split(",")) {
                String[] partitionAndOffset = offset.split(":");
                from.put(new TopicPartition(args[1], Integer.parseInt(partitionAndOffset[0])),
                        Long.parseLong(partitionAndOffset[1]));
            }
            Read read = run(args[0], args[1], from, Long.parseLong(args[3]), Long.parseLong(args[4]),
                    Long.parseLong(args[5]), Path.of(args[6]), Duration.ofSeconds(Long.parseLong(args[7])));
            System.out.println(RESULT + " " + read.records() + " " + read.nanos());
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * The same app following {@code topic} from its end, for freshness, with Kafka Streams' own defaults under
     * exactly-once ({@code commit.interval.ms} 100, a 10 MB record cache): the engine's latency as it comes. (A
     * commit after every processing round without a cache, {@code commit.interval.ms} 0, fell 14 s behind 5,000
     * ticks/s here.) Its output topic is {@link Following#output}; closing it stops the app.
     */
    static Following follow(String bootstrap, String topic, Path stateDir, Duration timeout) throws Exception {
        String applicationId = "benchmark-streams-floor-follow-" + System.currentTimeMillis();
        int partitions;
        try (Admin admin = admin(bootstrap)) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
        String output = createOutput(bootstrap, applicationId, partitions);
        Properties props = properties(bootstrap, applicationId, stateDir);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");
        KafkaStreams streams = new KafkaStreams(topology(topic, output, applicationId, Forward::new), props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            streams.close(Duration.ofSeconds(30));
            throw new IllegalStateException("the Streams floor was not running after " + timeout.toSeconds() + " s");
        }
        return new Following(streams, output);
    }

    /** The following app and its output topic. */
    record Following(KafkaStreams streams, String output) implements AutoCloseable {
        @Override
        public void close() {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** The app's output topic, {@code <application id>-out}, created with {@code partitions} partitions. */
    private static String createOutput(String bootstrap, String applicationId, int partitions) throws Exception {
        String output = applicationId + "-out";
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(output, partitions, (short) 1))).all().get();
        }
        return output;
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Latest value per ticker in a changelogged in-memory store, the changed tickers out through a cached table. */
    private static Topology topology(String topic, String output, String applicationId,
            FixedKeyProcessorSupplier<String, String, String> latest) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
                Serdes.String()));
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(latest, STORE)
                .toTable(Materialized.<String, String>as(Stores.lruMap(applicationId + "-changed", 1))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String())
                        .withCachingEnabled().withLoggingDisabled())
                .toStream()
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** Exactly-once v2 with the service's producer batches. */
    private static Properties properties(String bootstrap, String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.producerPrefix("batch.size"), 262144);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }

    /** The floor's group starts where the measured records start. */
    private static void startAt(String bootstrap, String group, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            from.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(offsets);
        }
    }

    /** Keeps the latest value per ticker and passes it on. */
    private static class Forward implements FixedKeyProcessor<String, String, String> {
        private FixedKeyProcessorContext<String, String> context;
        private KeyValueStore<String, String> latest;

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
            this.latest = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            latest.put(record.key(), record.value());
            context.forward(record);
        }
    }

    /** {@link Forward}, counting and timing the records. */
    private static final class Latest extends Forward {
        private final AtomicLong seen;
        private final AtomicLong firstAt;
        private final AtomicLong lastAt;
        private final long count;
        private final CountDownLatch done;

        Latest(AtomicLong seen, AtomicLong firstAt, AtomicLong lastAt, long count, CountDownLatch done) {
            this.seen = seen;
            this.firstAt = firstAt;
            this.lastAt = lastAt;
            this.count = count;
            this.done = done;
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            super.process(record);
            long n = seen.incrementAndGet();
            if (n == 1) {
                firstAt.set(System.nanoTime());
            }
            if (n == count) {
                lastAt.set(System.nanoTime());
                done.countDown();
            }
        }
    }
}
