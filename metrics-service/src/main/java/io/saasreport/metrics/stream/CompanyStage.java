package io.saasreport.metrics.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.saasreport.metrics.domain.CompanyFigures;
import io.saasreport.metrics.domain.CompanyMetrics;
import io.saasreport.metrics.domain.CompanyScopedEvent;
import io.saasreport.metrics.domain.MacroEvent;
import io.saasreport.metrics.domain.MarketEvent;
import io.saasreport.metrics.domain.PriceEvent;
import io.saasreport.metrics.domain.PricePoint;
import io.saasreport.metrics.domain.Revised;
import io.saasreport.metrics.domain.RevisedCompany;

/**
 * Stage 1, one task per input partition: reads an event, hands it to its company's {@link RevisedCompany} (the
 * domain decides what changes) and routes what comes out: the company's figures to {@code metrics.company} at
 * once, a macro event to the universe stage, an unreadable record to its dead-letter topic. The universe stage
 * gets each changed company's latest figures once per publish interval (a punctuation), not every tick.
 *
 * <p>Which companies are still to be sent is not stored: a task that starts (after a crash, a move or a restart)
 * sends every company it holds, and the universe stage ignores the revisions it already has.
 */
final class CompanyStage implements Processor<String, String, String, Routed> {

    private final ProcessingMeters meters;
    private final Duration universeInterval;
    /** Changed companies' latest figures, not yet sent to the universe stage. */
    private final Map<String, Revised<CompanyMetrics>> unsent = new LinkedHashMap<>();
    /** The stores' companies, read once per task life; the stores stay the durable copy. */
    private final Map<String, RevisedCompany> companies = new HashMap<>();
    private ProcessorContext<String, Routed> context;
    private CompanyStores stores;

    CompanyStage(ProcessingMeters meters, Duration universeInterval) {
        this.meters = meters;
        this.universeInterval = universeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.stores = CompanyStores.of(context);
        companies.clear(); // a revived task restores its stores; nothing held before may survive
        unsent.clear();
        for (String ticker : stores.tickers()) {
            RevisedCompany company = stores.load(ticker);
            companies.put(ticker, company);
            company.current().ifPresent(figures -> unsent.put(ticker, metricsOf(figures)));
        }
        context.schedule(universeInterval, PunctuationType.WALL_CLOCK_TIME, this::sendToUniverse);
    }

    private void sendToUniverse(long now) {
        unsent.values().forEach(figures -> context.forward(new Record<>(UniverseInput.KEY,
                new Routed(Routed.Route.UNIVERSE_INPUT, StreamJson.write(UniverseInput.of(figures))), now,
                new RecordHeaders())));
        unsent.clear();
    }

    @Override
    public void process(Record<String, String> record) {
        long started = meters.start();
        MarketEvent event;
        try {
            event = read(record);
        } catch (PoisonRecordException poison) {
            deadLetter(record, poison);
            return;
        }
        if (event instanceof MacroEvent macro) {
            toUniverse(record, UniverseInput.of(macro));
        } else {
            CompanyScopedEvent companyEvent = (CompanyScopedEvent) event;
            RevisedCompany company = companies.computeIfAbsent(companyEvent.ticker(), stores::load);
            Instant oldestPrice = company.oldestPriceTime().orElse(null);
            Optional<Revised<CompanyFigures>> changed = company.apply(companyEvent);
            if (changed.isPresent()) {
                Revised<CompanyFigures> figures = changed.get();
                stores.saveChange(company, companyEvent.ticker(), companyEvent instanceof PriceEvent price
                        ? new PricePoint(price.at(), price.price(), price.eventId()) : null, oldestPrice);
                if (RevisedCompany.isPublishable(figures.value().metrics())) {
                    context.forward(new Record<>(companyEvent.ticker(),
                            new Routed(Routed.Route.COMPANY_FIGURES, StreamJson.writePublished(figures)),
                            record.timestamp(), CloudEventHeaders.of(CloudEventHeaders.COMPANY_TYPE)));
                }
                unsent.put(companyEvent.ticker(), metricsOf(figures));
            }
        }
        meters.applied(event, record.timestamp(), started);
    }

    /** The universe needs the figures only, not their sources. */
    private static Revised<CompanyMetrics> metricsOf(Revised<CompanyFigures> figures) {
        return new Revised<>(figures.value().metrics(), figures.revision());
    }

    /**
     * Every input topic is keyed by ticker with the same partition count, so one company's events all reach this
     * task and its store. A company event under another key would split the company: it is refused.
     */
    private static MarketEvent read(Record<String, String> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("empty record value", null);
        }
        MarketEvent event;
        try {
            event = StreamJson.MAPPER.readValue(record.value(), MarketEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable event: " + e.getMessage(), e);
        }
        if (event instanceof CompanyScopedEvent companyEvent && companyEvent.ticker().contains("|")) {
            throw new PoisonRecordException("ticker '" + companyEvent.ticker() + "' contains '|'", null);
        }
        if (event instanceof CompanyScopedEvent companyEvent && !companyEvent.ticker().equals(record.key())) {
            throw new PoisonRecordException("record key " + (record.key() == null ? "null" : "'" + record.key() + "'")
                    + " is not the event's ticker '" + companyEvent.ticker()
                    + "': a company's events must be keyed by its ticker", null);
        }
        // The figures' sources name the input events: ingest gives each record its id in the CloudEvents header.
        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
        if (event instanceof CompanyScopedEvent companyEvent && id != null && id.value() != null) {
            return companyEvent.withEventId(new String(id.value(), StandardCharsets.UTF_8));
        }
        return event;
    }

    private void toUniverse(Record<String, String> record, UniverseInput input) {
        context.forward(new Record<>(UniverseInput.KEY, new Routed(Routed.Route.UNIVERSE_INPUT, StreamJson.write(input)),
                record.timestamp(), new RecordHeaders()));
    }

    /** The record unchanged, its own headers kept, the reason and origin added (SmallRye's dead-letter names). */
    private void deadLetter(Record<String, String> record, PoisonRecordException poison) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", CloudEventHeaders.bytes(poison.getMessage()));
        if (poison.getCause() != null) {
            headers.add("dead-letter-cause", CloudEventHeaders.bytes(poison.getCause().getClass().getName()));
        }
        headers.add("dead-letter-topic", CloudEventHeaders.bytes(topic));
        context.recordMetadata().ifPresent(metadata -> {
            headers.add("dead-letter-partition", CloudEventHeaders.bytes(String.valueOf(metadata.partition())));
            headers.add("dead-letter-offset", CloudEventHeaders.bytes(String.valueOf(metadata.offset())));
        });
        String original = record.value() == null ? "" : record.value();
        context.forward(new Record<>(record.key(), new Routed(Routed.Route.DEAD_LETTER, original), record.timestamp(),
                headers));
        meters.deadLettered(topic);
    }
}
