package io.saasreport.metrics.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.JavaType;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.universe.AlertThresholds;
import io.saasreport.metrics.domain.universe.UniverseAlert;
import io.saasreport.metrics.domain.universe.UniverseDefinition;
import io.saasreport.metrics.domain.universe.Universes;

/**
 * Stage 2, one task per partition of its input, which is partitioned by universe name ({@link UniversePartitioner}):
 * every task holds every company's latest figures (as stage 1 sent them, {@link CompactFigures}, key the ticker,
 * stored as {@link UniverseMember}) and the macro value (key {@link #MACRO_KEY}, the event as it came), both sent to every
 * partition, and computes the universes whose name falls on its partition, the default one included; a definition comes under
 * {@link #definitionKey its name's key} (no value: the universe is removed, its revision kept in its state), a
 * company's removal under {@link #removedKey its ticker's key}, to every partition. The universes that changed are published
 * together, at most once per publish interval, so a burst of ticks costs one record per universe per interval: at
 * once when a record drained the thread's input and the interval has passed, otherwise by a wall-clock punctuation a
 * quarter of the interval apart; when the input is drained the publication's commit is requested at once
 * ({@link DrainedInput}), under a backlog it waits for {@code commit.interval.ms}. Alerts go out with the
 * change that raised them, in the same transaction. The order-statistic indices live in memory and are rebuilt
 * from the stores whenever the task starts (after a restore from the changelog, on any instance).
 */
final class UniverseStage implements Processor<String, byte[], String, Routed> {

    static final String COMPANIES_STORE = "universe-companies";
    static final String STATE_STORE = "universe-state";
    static final String DEFINITIONS_STORE = "universe-definitions";
    static final String MACRO_STORE = "universe-macro";
    /** The key of a macro event on the input topic; tickers never contain '|'. */
    static final String MACRO_KEY = "|macro";
    /** The prefix of a definition's key on the input topic, before the universe's name. */
    static final String DEFINITION_KEY_PREFIX = "|definition|";
    private static final long NEVER = Long.MIN_VALUE;
    /** The prefix of a company's removal on the input topic, before its ticker (the value: its revision). */
    static final String REMOVED_KEY_PREFIX = "|removed|";
    private static final JavaType EVENT = StreamJson.MAPPER.constructType(MarketEvent.class);
    private static final JavaType DEFINITION = StreamJson.MAPPER.constructType(UniverseDefinition.class);

    private final Duration publishInterval;
    private final int partitions;
    private final AlertThresholds thresholds;
    private final FiguresReadOnce figuresRead;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, UniverseMember> companies;
    private KeyValueStore<String, Universes.StoredUniverse> state;
    private KeyValueStore<String, UniverseDefinition> definitions;
    private KeyValueStore<String, MacroEvent> macro;
    private Universes universes;
    /** Wall-clock time of the last publication, {@link #NEVER} before the first. */
    private long publishedAt = NEVER;

    UniverseStage(Duration publishInterval, int partitions, AlertThresholds thresholds, FiguresReadOnce figuresRead) {
        this.publishInterval = publishInterval;
        this.partitions = partitions;
        this.thresholds = thresholds;
        this.figuresRead = figuresRead;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.companies = context.getStateStore(COMPANIES_STORE);
        this.state = context.getStateStore(STATE_STORE);
        this.definitions = context.getStateStore(DEFINITIONS_STORE);
        this.macro = context.getStateStore(MACRO_STORE);
        boolean ownsDefault = UniversePartitioner.partitionOf(Universes.DEFAULT, partitions)
                == context.taskId().partition();
        universes = Universes.restore(thresholds, ownsDefault,
                values(companies).stream().map(UniverseMember::held).toList(), values(definitions), state::get,
                macro.get(MACRO_KEY));
        context.schedule(publishInterval.dividedBy(4), PunctuationType.WALL_CLOCK_TIME, this::publishIfDue);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        apply(record);
        if (DrainedInput.ofThisThread().drainedBy(context.recordMetadata())) {
            publishIfDue(context.currentSystemTimeMs());
            context.commit();
        }
    }

    private void apply(Record<String, byte[]> record) {
        String key = record.key();
        if (MACRO_KEY.equals(key)) {
            MacroEvent event = (MacroEvent) StreamJson.read(text(record), EVENT);
            if (universes.accept(event)) {
                macro.put(MACRO_KEY, event);
                universes.storedUniverses().forEach(state::put);
            }
        } else if (key.startsWith(DEFINITION_KEY_PREFIX)) {
            String name = key.substring(DEFINITION_KEY_PREFIX.length());
            if (record.value() != null) {
                UniverseDefinition definition = StreamJson.read(text(record), DEFINITION);
                universes.define(definition, state.get(name));
                definitions.put(name, definition);
            } else {
                universes.remove(name).ifPresent(kept -> {
                    definitions.delete(name);
                    // Its revision stays, so a universe defined again under this name carries on above it.
                    state.put(name, kept);
                    // The universe's figures leave the compacted topic too.
                    context.forward(new Record<>(name, new Routed(Routed.Route.UNIVERSE_FIGURES, null),
                            record.timestamp(), CloudEventHeaders.of(CloudEventHeaders.UNIVERSE_TYPE)));
                });
            }
        } else if (key.startsWith(REMOVED_KEY_PREFIX)) {
            String ticker = key.substring(REMOVED_KEY_PREFIX.length());
            if (universes.removeCompany(ticker, Long.parseLong(text(record)))) {
                companies.delete(ticker);
            }
        } else {
            byte[] compact = compact(record.value());
            Revised<CompanyMetrics> figures = figuresRead.read(key, compact);
            Universes.Accepted accepted = universes.accept(figures);
            if (accepted.taken()) {
                companies.put(figures.value().ticker(), new UniverseMember(compact, accepted.held().multipleToday()));
                accepted.alerts().forEach(alert -> forward(alert, record.timestamp()));
            }
        }
    }

    /** A text record's value (macro event, definition, revision): UTF-8, as stage 1 and the definitions wrote it. */
    private static String text(Record<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    /**
     * A company's figures as {@link CompactFigures}: as stage 1 writes them, or from the published JSON it wrote
     * before (records still on the topic when the service is upgraded).
     */
    private static byte[] compact(byte[] figures) {
        if (CompactFigures.isCompact(figures)) {
            return figures;
        }
        return CompactFigures.write(StreamJson.readPublished(new String(figures, StandardCharsets.UTF_8),
                CompanyMetrics.class));
    }

    /** The input key of a company's removal: tickers never contain '|', so it is no company's figures. */
    static String removedKey(String ticker) {
        return REMOVED_KEY_PREFIX + ticker;
    }

    /** The input key of a universe's definition: tickers never contain '|', so it is no company's. */
    static String definitionKey(String name) {
        return DEFINITION_KEY_PREFIX + name;
    }

    /** Publishes the universes that changed if the interval has passed; when drained, its commit is requested. */
    private void publishIfDue(long now) {
        if (publishedAt != NEVER && now - publishedAt < publishInterval.toMillis()) {
            return;
        }
        List<Universes.Publication> publications = universes.publishIfChanged();
        if (publications.isEmpty()) {
            return;
        }
        publishedAt = now;
        if (DrainedInput.ofThisThread().drained()) {
            context.commit();
        }
        for (Universes.Publication publication : publications) {
            state.put(publication.name(), publication.stored());
            context.forward(new Record<>(publication.name(), new Routed(Routed.Route.UNIVERSE_FIGURES,
                    StreamJson.writePublished(publication.snapshot())), now,
                    CloudEventHeaders.of(CloudEventHeaders.UNIVERSE_TYPE)));
            publication.alerts().forEach(alert -> forward(alert, now));
        }
    }

    private void forward(UniverseAlert alert, long timestamp) {
        context.forward(new Record<>(alert.universe(), new Routed(Routed.Route.ALERT, StreamJson.write(alert)),
                timestamp, CloudEventHeaders.of(CloudEventHeaders.ALERT_TYPE,
                        UUID.nameUUIDFromBytes(alert.id().getBytes(StandardCharsets.UTF_8)).toString())));
    }

    private static <V> List<V> values(KeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining((Consumer<KeyValue<String, V>>) entry -> values.add(entry.value));
        }
        return values;
    }

    static Serde<UniverseMember> companiesSerde() {
        return UniverseMember.SERDE;
    }

    static JsonSerde<Universes.StoredUniverse> stateSerde() {
        return JsonSerde.of(Universes.StoredUniverse.class);
    }

    static JsonSerde<UniverseDefinition> definitionsSerde() {
        return JsonSerde.of(UniverseDefinition.class);
    }

    static JsonSerde<MacroEvent> macroSerde() {
        return JsonSerde.of(MacroEvent.class);
    }
}
