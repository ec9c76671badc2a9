package io.saasreport.metrics.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import io.saasreport.metrics.domain.UniverseSnapshot;
import io.saasreport.metrics.persistence.EngineStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Applies polled batches of input records to the engine one batch at a time: apply every event,
 * persist the changed company states together with the batch's offsets in one transaction, then
 * publish each changed company once and the universe once. Under light load a batch is one event,
 * so figures follow within milliseconds; under a burst, a batch of hundreds costs one transaction.
 * The lock spans apply, commit and publish, so neither the database nor the compacted topics can
 * ever see figures out of order.
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
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final ProcessingMeters meters;
    private final ReentrantLock lock = new ReentrantLock();
    private final String instanceId;
    private final String macroTopic;

    private MetricsEngine engine;
    private Map<TopicPartition, Long> nextOffsets;
    private volatile Instant inFlightSince;
    private volatile boolean stopping;

    /** One input record, read: either an event or the reason it can never be applied. */
    private record Input(ConsumerRecord<String, String> record, MarketEvent event, PoisonRecordException poison) {
    }

    /** What a committed batch changed: what to publish and to count. */
    private record Outcome(Map<String, CompanyMetrics> companies, UniverseSnapshot universe,
            List<Input> applied, Map<TopicPartition, Long> nextOffsets) {
    }

    public MetricsProcessor(EngineStore store, MetricsPublisher publisher, DeadLetters deadLetters, ObjectMapper mapper,
            MeterRegistry registry, @ConfigProperty(name = "metrics.instance-id") String instanceId,
            @ConfigProperty(name = "mp.messaging.incoming.macro.topic") String macroTopic) {
        this.instanceId = instanceId;
        this.macroTopic = macroTopic;
        this.store = store;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.meters = new ProcessingMeters(registry);
    }

    void onStart(@Observes StartupEvent event) {
        withLock(() -> ensureLoaded());
    }

    void onStop(@Observes @jakarta.annotation.Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** The offset to resume a partition from, as stored with the state; null when never read. */
    public Long nextOffset(TopicPartition partition) {
        lock.lock();
        try {
            ensureLoaded();
            return nextOffsets.get(position(partition));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called when partitions are assigned. If another instance (scaled out) applied events of them
     * since this one loaded its state, the database is ahead of memory: reload state and offsets from
     * it, where that instance committed them, before reading on.
     */
    public void onAssigned(Collection<TopicPartition> partitions) {
        if (stopping) {
            return; // consumers leaving at shutdown: nothing will be read from these partitions here
        }
        withLock(() -> {
            ensureLoaded();
            Map<TopicPartition, Long> stored = QuarkusTransaction.requiringNew().call(store::loadOffsets);
            for (TopicPartition partition : partitions) {
                TopicPartition position = position(partition);
                if (!Objects.equals(stored.get(position), nextOffsets.get(position))) {
                    LOG.infof("%s moved on elsewhere since the state was loaded: reloading", partition);
                    engine = null;
                    ensureLoaded();
                    return;
                }
            }
        });
    }

    /** Figures other instances published for the companies they own: they enter this instance's universe. */
    public void acceptPeers(List<ConsumerRecord<String, String>> records) {
        List<CompanyMetrics> peerFigures = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            var source = record.headers().lastHeader("ce_source");
            if (source != null && publisher.source().equals(new String(source.value(), StandardCharsets.UTF_8))) {
                continue; // our own figures: already in the engine
            }
            try {
                peerFigures.add(mapper.readValue(record.value(), CompanyMetrics.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.warnf("Skipping unreadable figures %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        if (peerFigures.isEmpty()) {
            return;
        }
        withLock(() -> {
            ensureLoaded();
            boolean changed = false;
            for (CompanyMetrics figures : peerFigures) {
                changed |= engine.acceptPeer(figures).isPresent();
            }
            if (changed) {
                publisher.publish(engine.universe());
            }
        });
    }

    public void process(List<ConsumerRecord<String, String>> records) {
        List<Input> inputs = records.stream().map(this::read).toList();
        Timer.Sample sample = meters.startProcessing();
        Outcome outcome;
        lock.lock();
        inFlightSince = Instant.now();
        try {
            ensureLoaded();
            outcome = applyUntilDurable(inputs);
        } finally {
            inFlightSince = null;
            lock.unlock();
        }
        for (Input input : outcome.applied()) {
            if (input.poison() != null) {
                meters.deadLettered(input.record().topic());
            } else {
                meters.applied(input.event(), input.record(), sample);
            }
        }
    }

    /**
     * Retries while the database fails (a transient outage must not send good events to the
     * dead-letter topic); liveness reports the consumer stuck if this lasts. Each failure rebuilds
     * the engine from the database, so memory never holds a change that was not committed.
     */
    private Outcome applyUntilDurable(List<Input> inputs) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                return applyAndPublish(inputs);
            } catch (RuntimeException e) {
                if (stopping) {
                    engine = null; // memory may hold the rolled-back batch: never let it reach the database
                    throw e;
                }
                ConsumerRecord<String, String> first = inputs.get(0).record();
                LOG.errorf(e, "Applying a batch of %d from %s-%d@%d failed; retrying in %d ms", inputs.size(),
                        first.topic(), first.partition(), first.offset(), backoff.toMillis());
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

    private Outcome applyAndPublish(List<Input> inputs) {
        List<Input> fresh = notYetApplied(inputs);
        // Dead letters first, acknowledged, outside the transaction: a poison record's offset is
        // committed only once it has landed in its dead-letter topic.
        for (Input input : fresh) {
            if (input.poison() != null) {
                deadLetters.send(input.record(), input.poison());
            }
        }
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, CompanyMetrics> changedCompanies = new LinkedHashMap<>();
            Map<TopicPartition, Long> offsets = new HashMap<>();
            boolean changed = false;
            boolean macroChanged = false;
            for (Input input : fresh) {
                offsets.put(position(input.record()), input.record().offset() + 1);
                if (input.poison() != null) {
                    continue;
                }
                MetricsEngine.Result result = engine.apply(input.event());
                if (result.changed()) {
                    changed = true;
                    macroChanged |= input.event() instanceof MacroEvent;
                    result.company().ifPresent(figures -> changedCompanies.put(figures.ticker(), figures));
                }
            }
            Instant now = Instant.now();
            for (String ticker : changedCompanies.keySet()) {
                store.saveCompany(engine.companySnapshot(ticker).orElseThrow(), now);
            }
            if (macroChanged) {
                engine.macro().ifPresent(store::saveMacro);
            }
            // Compare-and-set: if another instance moved a partition on since we loaded, this
            // batch rolls back and the retry reloads (and skips what that instance applied).
            offsets.forEach((position, next) -> store.saveNextOffset(position, nextOffsets.get(position), next));
            return new Outcome(changedCompanies, changed ? engine.universe() : null, fresh, offsets);
        });
        nextOffsets.putAll(outcome.nextOffsets());
        outcome.companies().values().forEach(publisher::publish);
        if (outcome.universe() != null) {
            publisher.publish(outcome.universe());
        }
        return outcome;
    }

    /** Drops records below the stored position: their effect is already in the stored state. */
    private List<Input> notYetApplied(List<Input> inputs) {
        Map<TopicPartition, Long> next = new HashMap<>();
        List<Input> fresh = new ArrayList<>();
        for (Input input : inputs) {
            TopicPartition position = position(input.record());
            long from = next.getOrDefault(position, nextOffsets.getOrDefault(position, 0L));
            if (input.record().offset() >= from) {
                fresh.add(input);
                next.put(position, input.record().offset() + 1);
            }
        }
        return fresh;
    }

    /**
     * Where a partition's position is stored. Every instance reads all macro events with its own
     * consumer group, so macro positions are per instance; the other topics' partitions are owned
     * by one instance at a time and their positions are shared.
     */
    private TopicPartition position(TopicPartition partition) {
        return partition.topic().equals(macroTopic)
                ? new TopicPartition(partition.topic() + "@" + instanceId, partition.partition())
                : partition;
    }

    private TopicPartition position(ConsumerRecord<String, String> record) {
        return position(new TopicPartition(record.topic(), record.partition()));
    }

    private Input read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return new Input(record, null, new PoisonRecordException("empty record value", null));
        }
        try {
            return new Input(record, mapper.readValue(record.value(), MarketEvent.class), null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Input(record, null, new PoisonRecordException("unreadable event: " + e.getMessage(), e));
        }
    }

    /** Loads the state, offsets and figures from the database, and republishes every figure. */
    private void ensureLoaded() {
        if (engine != null) {
            return;
        }
        record Loaded(List<CompanyState.Snapshot> companies, MacroEvent macro, Map<TopicPartition, Long> offsets) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            store.readOneSnapshot(); // state and offsets as of one instant, even while other instances commit
            return new Loaded(store.loadCompanies(), store.loadMacro(), store.loadOffsets());
        });
        MetricsEngine restored = MetricsEngine.restore(loaded.companies(), loaded.macro());
        nextOffsets = new HashMap<>(loaded.offsets());
        engine = restored;
        if (!loaded.companies().isEmpty()) {
            engine.allCompanyMetrics().forEach(publisher::publish);
            publisher.publish(engine.universe());
        }
        LOG.infof("Engine state loaded: %d companies", loaded.companies().size());
    }

    /** How long the batch now being applied has been in flight; null when idle. */
    public Duration inFlightFor() {
        Instant since = inFlightSince;
        return since == null ? null : Duration.between(since, Instant.now());
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
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
