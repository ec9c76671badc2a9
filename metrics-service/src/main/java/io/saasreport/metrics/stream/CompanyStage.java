package io.saasreport.metrics.stream;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.event.MarketEvent;

/**
 * Stage 1, one task per input partition: reads an event, hands it to its company's
 * {@link io.saasreport.metrics.domain.company.RevisedCompany} (the domain decides what changes; the company is held as an
 * object, {@link HeldCompanies}) and routes what comes out, under the record's own key: a company that changed for
 * the first time since its last publication, to be saved and published at commit ({@link PublishedFigures}), a
 * macro event as it came, an unreadable record to its dead-letter topic. When the record drained the thread's input,
 * the commit that publishes is requested at once ({@link DrainedInput}).
 */
final class CompanyStage implements FixedKeyProcessor<String, String, Routed> {

    private final ProcessingMeters meters;
    private FixedKeyProcessorContext<String, Routed> context;
    private CompanyStores stores;
    private HeldCompanies held;

    CompanyStage(ProcessingMeters meters) {
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
        this.stores = CompanyStores.of(context);
        this.held = context.getStateStore(HeldCompanies.NAME);
        // The task is (again) active: its logged stores are current, the objects held may not be (a store can
        // outlive a spell as a standby, which kept the logged stores up to date and these not).
        held.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
        apply(record);
        DrainedInput.commitIfDrained(context);
    }

    private void apply(FixedKeyRecord<String, String> record) {
        long started = meters.start();
        MarketEvent event;
        try {
            event = read(record);
        } catch (PoisonRecordException poison) {
            deadLetter(record, poison);
            return;
        }
        if (event instanceof MacroEvent) {
            context.forward(record.withValue(new Routed(Routed.Route.MACRO, record.value())));
        } else {
            CompanyScopedEvent companyEvent = (CompanyScopedEvent) event;
            HeldCompanies.Entry company = held.get(companyEvent.ticker(), stores);
            // The first change since the company was last published queues it (in the record cache of the table
            // after this) for the commit; later ones find it queued.
            if (company.apply(companyEvent) && company.awaitPublication()) {
                context.forward(record.withValue(
                        new Routed(Routed.Route.COMPANY_CHANGED, Long.toString(company.company().revision()))));
            }
        }
        meters.applied(event, record.timestamp(), started);
    }

    /**
     * Every input topic is keyed by ticker with the same partition count, so one company's events all reach this
     * task and its store. A company event under another key would split the company: it is refused.
     */
    private static MarketEvent read(FixedKeyRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("empty record value", null);
        }
        MarketEvent event = PriceEventJson.read(record.value());
        if (event == null) {
            try {
                event = StreamJson.MAPPER.readValue(record.value(), MarketEvent.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new PoisonRecordException("unreadable event: " + e.getMessage(), e);
            }
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

    /** The record unchanged, its own headers kept, the reason and origin added (SmallRye's dead-letter names). */
    private void deadLetter(FixedKeyRecord<String, String> record, PoisonRecordException poison) {
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
        context.forward(record.withValue(new Routed(Routed.Route.DEAD_LETTER, original)).withHeaders(headers));
        meters.deadLettered(topic);
    }
}
