package io.saasreport.metrics.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.JavaType;

import io.saasreport.metrics.domain.AlertThresholds;
import io.saasreport.metrics.domain.MacroEvent;
import io.saasreport.metrics.domain.UniverseAlert;
import io.saasreport.metrics.domain.UniverseDefinition;
import io.saasreport.metrics.domain.Universes;

/**
 * Stage 2, one task per partition of its input, which is partitioned by universe name ({@link UniversePartitioner}):
 * every task holds every company's latest figures and the macro value (sent to every partition) and computes the
 * universes whose name falls on its partition, the default one included. A wall-clock punctuation publishes each
 * universe that changed, so a burst of ticks costs one record per universe per interval. Alerts go out with the
 * change that raised them, in the same transaction. The order-statistic indices live in memory and are rebuilt
 * from the stores whenever the task starts (after a restore from the changelog, on any instance).
 */
final class UniverseStage implements Processor<String, String, String, Routed> {

    static final String COMPANIES_STORE = "universe-companies";
    static final String STATE_STORE = "universe-state";
    static final String DEFINITIONS_STORE = "universe-definitions";
    static final String MACRO_STORE = "universe-macro";
    private static final String MACRO_KEY = "macro";
    private static final JavaType INPUT = StreamJson.MAPPER.constructType(UniverseInput.class);

    private final Duration publishInterval;
    private final int partitions;
    private final AlertThresholds thresholds;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, Universes.HeldCompany> companies;
    private KeyValueStore<String, Universes.StoredUniverse> state;
    private KeyValueStore<String, UniverseDefinition> definitions;
    private KeyValueStore<String, MacroEvent> macro;
    private Universes universes;

    UniverseStage(Duration publishInterval, int partitions, AlertThresholds thresholds) {
        this.publishInterval = publishInterval;
        this.partitions = partitions;
        this.thresholds = thresholds;
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
        universes = Universes.restore(thresholds, ownsDefault, values(companies), values(definitions), state::get,
                macro.get(MACRO_KEY));
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::publishIfChanged);
    }

    @Override
    public void process(Record<String, String> record) {
        UniverseInput input = StreamJson.read(record.value(), INPUT);
        if (input.macro() != null) {
            if (universes.accept(input.macro())) {
                macro.put(MACRO_KEY, input.macro());
                universes.storedUniverses().forEach(state::put);
            }
        } else if (input.definition() != null) {
            universes.define(input.definition());
            definitions.put(input.definition().name(), input.definition());
        } else if (input.removed() != null) {
            if (universes.remove(input.removed())) {
                definitions.delete(input.removed());
                state.delete(input.removed());
                // The universe's figures leave the compacted topic too.
                context.forward(new Record<>(input.removed(), new Routed(Routed.Route.UNIVERSE_FIGURES, null),
                        record.timestamp(), CloudEventHeaders.of(CloudEventHeaders.UNIVERSE_TYPE)));
            }
        } else {
            Universes.Accepted accepted = universes.accept(input.revisedFigures());
            if (accepted.taken()) {
                companies.put(input.figures().ticker(), accepted.held());
                accepted.alerts().forEach(alert -> forward(alert, record.timestamp()));
            }
        }
    }

    private void publishIfChanged(long now) {
        for (Universes.Publication publication : universes.publishIfChanged()) {
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

    static JsonSerde<Universes.HeldCompany> companiesSerde() {
        return JsonSerde.of(Universes.HeldCompany.class);
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
