package io.saasreport.metrics.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.kafka.streams.KafkaStreams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Kafka Streams' own metrics on {@code /q/metrics} as {@code kafka_stream_*}, bound by Micrometer's
 * {@link KafkaStreamsMetrics} to the application's registry when the extension creates the KafkaStreams.
 *
 * <p>Why not Quarkus' Kafka binder: it binds with Micrometer's default refresh of one minute, and Kafka Streams
 * creates most of its metrics (tasks, processors, stores, the clients' per-topic ones) only once the tasks are
 * assigned, after the binding: they were missing for up to a minute after every start or rebalance. Here the binder
 * looks for new metrics every {@link #REFRESH}.
 */
@ApplicationScoped
public class KafkaStreamsMeters {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private ScheduledExecutorService refresher;
    private KafkaStreamsMetrics metrics;

    public KafkaStreamsMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized void bind(@Observes KafkaStreams streams) {
        if (metrics != null) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafka-streams-meters");
            thread.setDaemon(true);
            return thread;
        });
        metrics = new KafkaStreamsMetrics(streams, List.of(), refresher, REFRESH);
        metrics.bindTo(registry);
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (metrics != null) {
            metrics.close();
            refresher.shutdownNow();
            metrics = null;
        }
    }
}
