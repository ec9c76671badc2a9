package io.saasreport.metrics.service;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.saasreport.metrics.domain.CompanyEvent;
import io.saasreport.metrics.domain.EstimateEvent;
import io.saasreport.metrics.domain.FilingEvent;
import io.saasreport.metrics.domain.MacroEvent;
import io.saasreport.metrics.domain.MarketEvent;
import io.saasreport.metrics.domain.PriceEvent;

/** The meters of the processing path, named by Micrometer's conventions (Prometheus adds units and _total). */
final class ProcessingMeters {

    private final MeterRegistry registry;
    private final Timer processing;
    private final Timer lagFromEventTime;
    private final Timer lagFromKafkaTimestamp;

    ProcessingMeters(MeterRegistry registry) {
        this.registry = registry;
        this.processing = Timer.builder("metrics.event.processing")
                .description("Per event: time from the start of its batch (lock wait included) to its figures handed to the producer")
                .publishPercentileHistogram()
                .register(registry);
        this.lagFromEventTime = lag("event_time", "From the event's own time (at, filedAt, asOf) to its figures");
        this.lagFromKafkaTimestamp = lag("kafka_timestamp", "From the record's Kafka timestamp to its figures");
    }

    private Timer lag(String source, String description) {
        return Timer.builder("metrics.event.lag")
                .description(description)
                .tag("source", source)
                .publishPercentileHistogram()
                .register(registry);
    }

    Timer.Sample startProcessing() {
        return Timer.start(registry);
    }

    void applied(MarketEvent event, ConsumerRecord<String, String> record, Timer.Sample sample) {
        sample.stop(processing);
        Counter.builder("metrics.events.applied")
                .description("Input events applied to the engine")
                .tag("type", type(event))
                .register(registry)
                .increment();
        Instant now = Instant.now();
        Instant eventTime = eventTime(event);
        if (eventTime != null && !eventTime.isAfter(now)) {
            lagFromEventTime.record(Duration.between(eventTime, now));
        }
        if (record.timestamp() > 0) {
            lagFromKafkaTimestamp.record(Duration.ofMillis(Math.max(0, now.toEpochMilli() - record.timestamp())));
        }
    }

    void deadLettered(String topic) {
        Counter.builder("metrics.events.dead.lettered")
                .description("Input records that could not be read and went to the dead-letter topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    private static String type(MarketEvent event) {
        if (event instanceof PriceEvent) {
            return "price";
        }
        if (event instanceof FilingEvent) {
            return "filing";
        }
        if (event instanceof EstimateEvent) {
            return "estimate";
        }
        if (event instanceof MacroEvent) {
            return "macro";
        }
        return event instanceof CompanyEvent ? "company" : "other";
    }

    private static Instant eventTime(MarketEvent event) {
        if (event instanceof PriceEvent price) {
            return price.at();
        }
        if (event instanceof FilingEvent filing) {
            return filing.filedAt();
        }
        if (event instanceof EstimateEvent estimate) {
            return estimate.asOf();
        }
        if (event instanceof MacroEvent macro) {
            return macro.asOf();
        }
        return null;
    }
}
