package io.saasreport.report.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.saasreport.report.config.ReportConfig;
import io.saasreport.report.config.ReportConfig.Channel;
import io.saasreport.report.record.Conflation;
import io.saasreport.report.record.RecordCodec;
import io.saasreport.report.service.SnapshotStore;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.ViewFollower;
import io.smallrye.common.annotation.Identifier;

/**
 * Starts the report's Kafka consumers, each on a thread of its own, and stops them at shutdown:
 * four writers in the shared group (companies, universes, filings, alerts: one transaction per polled batch) and this
 * instance's view follower.
 */
@ApplicationScoped
public class ReportConsumers {

    private final ReportConfig config;
    /** Every {@code kafka.*} setting (bootstrap servers, and in prod SASL/TLS), as Quarkus collects them. */
    private final Map<String, Object> kafkaClient;
    private final RecordCodec codec;
    private final SnapshotStore store;
    private final ReportView view;
    private final MeterRegistry registry;
    private final List<BatchConsumer> writers = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ViewFollower follower;
    private DeadLetters deadLetters;

    ReportConsumers(ReportConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaClient,
            RecordCodec codec, SnapshotStore store, ReportView view, MeterRegistry registry) {
        this.config = config;
        this.kafkaClient = kafkaClient;
        this.codec = codec;
        this.store = store;
        this.view = view;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        ReportConfig.Kafka kafka = config.kafka();
        deadLetters = new DeadLetters(kafkaClient);
        // The companies writer drops superseded records as it gathers a batch; the others keep every record.
        writers.add(writer("companies", kafka.company(), codec::withoutSuperseded,
                batch -> deadLetters.send(kafka.company().deadLetterTopic(), RefusedRecords.store(
                        codec.companiesToStore(batch), Conflation::newestPerKeyAndMinute, store::companies))));
        writers.add(writer("universe", kafka.universe(), batch -> batch,
                batch -> deadLetters.send(kafka.universe().deadLetterTopic(),
                        RefusedRecords.store(codec.universe(batch), Conflation::newestPerKeyAndMinute, store::universe))));
        writers.add(writer("filings", kafka.filings(), batch -> batch,
                batch -> deadLetters.send(kafka.filings().deadLetterTopic(),
                        // In offset order, not conflated: a removal drops the filings before it and none after it.
                        RefusedRecords.storeInOrder(codec.filings(batch), store::filings))));
        writers.add(writer("alerts", kafka.alerts(), batch -> batch,
                batch -> deadLetters.send(kafka.alerts().deadLetterTopic(),
                        RefusedRecords.store(codec.alerts(batch), store::alerts))));
        follower = new ViewFollower(consumer("view", Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, kafka.maxPollRecords())),
                kafka.company().topic(), kafka.universe().topic(), kafka.alerts().topic(), codec, view);
        for (BatchConsumer writer : writers) {
            registerMeters(writer);
            launch("report-writer-" + writer.name(), writer);
        }
        launch("report-view", follower);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        writers.forEach(BatchConsumer::stop);
        if (follower != null) {
            follower.stop();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    /** The shared group's writers, for their health check. */
    public List<BatchConsumer> writers() {
        return List.copyOf(writers);
    }

    private void registerMeters(BatchConsumer writer) {
        Gauge.builder("report.writer.lag", writer, BatchConsumer::lag).tag("writer", writer.name()).baseUnit("records")
                .description("Records of the writer's partitions not stored yet (-1 until known)").register(registry);
        Gauge.builder("report.writer.last.stored.age", writer,
                        w -> Duration.between(w.lastStored(), Instant.now()).toMillis() / 1000.0)
                .tag("writer", writer.name()).baseUnit("seconds")
                .description("Time since the writer last stored a batch (since the start before the first)").register(registry);
        Gauge.builder("report.writer.retrying", writer, w -> w.failure() == null ? 0 : 1).tag("writer", writer.name())
                .description("1 while the writer holds a batch the database did not take and retries it").register(registry);
    }

    /** A writer of the shared group; {@code compaction} drops what a batch being gathered no longer needs. */
    private BatchConsumer writer(String name, Channel channel,
            UnaryOperator<List<ConsumerRecord<String, String>>> compaction, BatchConsumer.Handler handler) {
        ReportConfig.Kafka kafka = config.kafka();
        return new BatchConsumer(name, consumer(name, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, kafka.maxPollRecords())),
                List.of(channel.topic()), handler,
                new BatchConsumer.Gathering(kafka.writerLinger(), kafka.writerBatchRecords(), compaction),
                kafka.retry().initialBackoff(), kafka.retry().maxBackoff());
    }

    /** A consumer of the shared group: the writers subscribe with it; the view only reads its committed offsets. */
    private KafkaConsumer<String, String> consumer(String name, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(kafkaClient);
        properties.putAll(extra);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.kafka().group());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "report-service-" + name);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Never read what a transactional producer may still abort.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private void launch(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        threads.add(thread);
        thread.start();
    }
}
