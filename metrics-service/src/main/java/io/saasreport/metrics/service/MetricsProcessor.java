package io.saasreport.metrics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.saasreport.metrics.domain.CompanyMetrics;
import io.saasreport.metrics.domain.CompanyState;
import io.saasreport.metrics.domain.MacroEvent;
import io.saasreport.metrics.domain.MarketEvent;
import io.saasreport.metrics.domain.MetricsEngine;
import io.saasreport.metrics.persistence.EngineStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Applies input records to the engine one at a time: apply, persist the changed state together with
 * the record's offset in one transaction, then publish. The lock spans all three so neither the
 * database nor the compacted topics can ever see figures out of order.
 *
 * <p>Delivery: each event's effect is applied exactly once (offsets are committed with the state;
 * a redelivered record below the stored offset is skipped). Outputs are at least once: a restart
 * republishes every company and the universe to the compacted topics.
 */
@ApplicationScoped
public class MetricsProcessor {

    private static final Logger LOG = Logger.getLogger(MetricsProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EngineStore store;
    private final MetricsPublisher publisher;
    private final ObjectMapper mapper;
    private final ProcessingMeters meters;
    private final ReentrantLock lock = new ReentrantLock();

    private MetricsEngine engine;
    private Map<TopicPartition, Long> nextOffsets;
    private volatile Instant inFlightSince;
    private volatile boolean stopping;

    public MetricsProcessor(EngineStore store, MetricsPublisher publisher, ObjectMapper mapper, MeterRegistry registry) {
        this.store = store;
        this.publisher = publisher;
        this.mapper = mapper;
        this.meters = new ProcessingMeters(registry);
    }

    void onStart(@Observes StartupEvent event) {
        lock.lock();
        try {
            ensureLoaded();
        } finally {
            lock.unlock();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Called when partitions are assigned. If another instance (scaled out) applied events of them
     * since this one loaded its state, the database is ahead of memory: reload state and offsets from
     * it, where that instance committed them, before reading on.
     */
    public void onAssigned(java.util.Collection<TopicPartition> partitions) {
        lock.lock();
        try {
            ensureLoaded();
            Map<TopicPartition, Long> stored = QuarkusTransaction.requiringNew().call(store::loadOffsets);
            for (TopicPartition partition : partitions) {
                if (!java.util.Objects.equals(stored.get(partition), nextOffsets.get(partition))) {
                    LOG.infof("%s moved on elsewhere since the state was loaded: reloading", partition);
                    engine = null;
                    ensureLoaded();
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Figures another instance published for a company it owns: they enter this instance's universe. */
    public void acceptPeer(ConsumerRecord<String, String> record) {
        var source = record.headers().lastHeader("ce_source");
        if (source != null && publisher.source().equals(new String(source.value(), java.nio.charset.StandardCharsets.UTF_8))) {
            return; // our own figures: already in the engine
        }
        CompanyMetrics figures;
        try {
            figures = mapper.readValue(record.value(), CompanyMetrics.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable peer figures: " + e.getMessage(), e);
        }
        lock.lock();
        try {
            ensureLoaded();
            engine.acceptPeer(figures).ifPresent(universe -> publisher.publish(universe));
        } finally {
            lock.unlock();
        }
    }

    /** The offset to resume a partition from, as stored with the state; null when never read. */
    public Long nextOffset(TopicPartition partition) {
        lock.lock();
        try {
            ensureLoaded();
            return nextOffsets.get(partition);
        } finally {
            lock.unlock();
        }
    }

    public void process(ConsumerRecord<String, String> record) {
        MarketEvent event;
        try {
            event = parse(record);
        } catch (PoisonRecordException e) {
            meters.deadLettered(record.topic());
            throw e;
        }
        Timer.Sample sample = meters.startProcessing();
        lock.lock();
        inFlightSince = Instant.now();
        try {
            ensureLoaded();
            applyUntilDurable(record, event);
        } finally {
            inFlightSince = null;
            lock.unlock();
        }
        meters.applied(event, record, sample);
    }

    /**
     * Retries while the database fails (a transient outage must not send good events to the
     * dead-letter topic); liveness reports the consumer stuck if this lasts. Each failure rebuilds
     * the engine from the database, so memory never holds a change that was not committed.
     */
    private void applyUntilDurable(ConsumerRecord<String, String> record, MarketEvent event) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                applyAndPublish(record, event);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.errorf(e, "Applying %s-%d@%d failed; retrying in %d ms", record.topic(), record.partition(),
                        record.offset(), backoff.toMillis());
                engine = null;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                try {
                    ensureLoaded();
                } catch (RuntimeException reloadFailure) {
                    LOG.warn("Reloading the engine state failed; will retry", reloadFailure);
                }
            }
        }
    }

    private void applyAndPublish(ConsumerRecord<String, String> record, MarketEvent event) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long next = nextOffsets.get(partition);
        if (next != null && record.offset() < next) {
            return; // already applied before a restart or rebalance: its effect is in the stored state
        }
        MetricsEngine.Result result = QuarkusTransaction.requiringNew().call(() -> {
            MetricsEngine.Result applied = engine.apply(event);
            if (applied.changed()) {
                if (event instanceof MacroEvent) {
                    engine.macro().ifPresent(store::saveMacro);
                }
                applied.company().ifPresent(figures -> store.saveCompany(
                        engine.companySnapshot(figures.ticker()).orElseThrow(), Instant.now()));
            }
            store.saveNextOffset(partition, record.offset() + 1);
            return applied;
        });
        nextOffsets.put(partition, record.offset() + 1);
        if (result.changed()) {
            result.company().ifPresent(publisher::publish);
            publisher.publish(result.universe());
        }
    }

    private MarketEvent parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("empty record value", null);
        }
        try {
            return mapper.readValue(record.value(), MarketEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable event: " + e.getMessage(), e);
        }
    }

    /** Loads the state, offsets and figures from the database, and republishes every figure. */
    private void ensureLoaded() {
        if (engine != null) {
            return;
        }
        record Loaded(List<CompanyState.Snapshot> companies, MacroEvent macro, Map<TopicPartition, Long> offsets) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(
                () -> new Loaded(store.loadCompanies(), store.loadMacro(), store.loadOffsets()));
        MetricsEngine restored = MetricsEngine.restore(loaded.companies(), loaded.macro());
        nextOffsets = new HashMap<>(loaded.offsets());
        engine = restored;
        if (!loaded.companies().isEmpty()) {
            engine.allCompanyMetrics().forEach(publisher::publish);
            publisher.publish(engine.universe());
        }
        LOG.infof("Engine state loaded: %d companies", loaded.companies().size());
    }

    /** How long the event now being applied has been in flight; null when idle. */
    public Duration inFlightFor() {
        Instant since = inFlightSince;
        return since == null ? null : Duration.between(since, Instant.now());
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
