package io.saasreport.metrics.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.JavaType;

import io.saasreport.metrics.domain.CompanyMetrics;
import io.saasreport.metrics.domain.MacroEvent;
import io.saasreport.metrics.domain.MarketEvent;
import io.saasreport.metrics.domain.Revised;
import io.saasreport.metrics.domain.RevisedUniverse;

/**
 * Stage 2, a single task (its input topic has one partition): every company's latest figures (as published on
 * {@code metrics.company}, key the ticker) and the macro events (key {@link #MACRO_KEY}, as they came) enter one
 * {@link RevisedUniverse}; a wall-clock punctuation publishes the universe when it changed, so a burst
 * of ticks costs one record per interval. The order-statistic indices live in memory and are rebuilt from the
 * stores whenever the task starts (after a restore from the changelog, on any instance).
 */
final class UniverseStage implements Processor<String, String, String, String> {

    static final String COMPANIES_STORE = "universe-companies";
    static final String STATE_STORE = "universe-state";
    static final String KEY = "universe";
    /** The key of a macro event on the input topic; any other key is a ticker and the value its published figures. */
    static final String MACRO_KEY = "|macro";
    private static final JavaType EVENT = StreamJson.MAPPER.constructType(MarketEvent.class);

    private final Duration publishInterval;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Revised<CompanyMetrics>> companies;
    private KeyValueStore<String, RevisedUniverse.Stored> state;
    private RevisedUniverse universe;

    UniverseStage(Duration publishInterval) {
        this.publishInterval = publishInterval;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.companies = context.getStateStore(COMPANIES_STORE);
        this.state = context.getStateStore(STATE_STORE);
        List<Revised<CompanyMetrics>> held = new ArrayList<>();
        try (KeyValueIterator<String, Revised<CompanyMetrics>> all = companies.all()) {
            while (all.hasNext()) {
                KeyValue<String, Revised<CompanyMetrics>> entry = all.next();
                held.add(entry.value);
            }
        }
        universe = RevisedUniverse.restore(held, state.get(KEY));
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishIfChanged(now));
    }

    @Override
    public void process(Record<String, String> record) {
        if (MACRO_KEY.equals(record.key())) {
            if (universe.accept((MacroEvent) StreamJson.read(record.value(), EVENT))) {
                state.put(KEY, universe.stored());
            }
        } else {
            Revised<CompanyMetrics> figures = StreamJson.readPublished(record.value(), CompanyMetrics.class);
            if (universe.accept(figures)) {
                companies.put(figures.value().ticker(), figures);
            }
        }
    }

    private void publishIfChanged(long now) {
        universe.publishIfChanged().ifPresent(snapshot -> {
            state.put(KEY, universe.stored());
            context.forward(new Record<>(KEY, StreamJson.writePublished(snapshot), now,
                    CloudEventHeaders.of(CloudEventHeaders.UNIVERSE_TYPE)));
        });
    }

    /** For the store's serde: the held figures with their revision. */
    static JsonSerde<Revised<CompanyMetrics>> companiesSerde() {
        return new JsonSerde<>(StreamJson.MAPPER.getTypeFactory()
                .constructParametricType(Revised.class, CompanyMetrics.class));
    }

    static JsonSerde<RevisedUniverse.Stored> stateSerde() {
        return JsonSerde.of(RevisedUniverse.Stored.class);
    }
}
