package io.saasreport.metrics.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.CompanyRemoval;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.FilingWithdrawal;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.event.PriceCorrection;
import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * The meters of the processing path, named by Micrometer's conventions (Prometheus adds units and _total). Kafka
 * Streams' own metrics (records, commits, rebalances, state stores) are bound next to these by Quarkus.
 */
public final class ProcessingMeters {

    private final MeterRegistry registry;
    private final Timer processing;
    private final Timer lagFromEventTime;
    private final Timer lagFromKafkaTimestamp;
    private final Map<String, Counter> applied = new HashMap<>();
    private final Map<String, Counter> deadLettered = new HashMap<>();

    public ProcessingMeters(MeterRegistry registry) {
        this.registry = registry;
        this.processing = Timer.builder("metrics.event.processing")
                .description("Per event: time from reading the record to its figures handed to Kafka Streams")
                .publishPercentileHistogram()
                .register(registry);
        this.lagFromEventTime = lag("event_time", "From the event's own time (at, filedAt, asOf) to its figures");
        this.lagFromKafkaTimestamp = lag("kafka_timestamp", "From the record's Kafka timestamp to its figures");
        for (String type : new String[] {"price", "filing", "estimate", "macro", "company", "price-correction",
                "filing-withdrawal", "company-removal"}) {
            applied.put(type, Counter.builder("metrics.events.applied")
                    .description("Input events applied to the engine (duplicates included: they are applied and change nothing)")
                    .tag("type", type)
                    .register(registry));
        }
    }

    private Timer lag(String source, String description) {
        return Timer.builder("metrics.event.lag")
                .description(description)
                .tag("source", source)
                .publishPercentileHistogram()
                .register(registry);
    }

    long start() {
        return System.nanoTime();
    }

    /** Called by the stream thread only (one per instance), after the event went through the domain. */
    void applied(MarketEvent event, long recordTimestamp, long startedNanos) {
        processing.record(Duration.ofNanos(System.nanoTime() - startedNanos));
        applied.get(type(event)).increment();
        long now = System.currentTimeMillis();
        long eventTime = eventTimeMillis(event);
        if (eventTime > 0 && eventTime <= now) {
            lagFromEventTime.record(Duration.ofMillis(now - eventTime));
        }
        if (recordTimestamp > 0) {
            lagFromKafkaTimestamp.record(Duration.ofMillis(Math.max(0, now - recordTimestamp)));
        }
    }

    synchronized void deadLettered(String topic) {
        deadLettered.computeIfAbsent(topic, t -> Counter.builder("metrics.events.dead.lettered")
                .description("Input records that could not be read and went to the dead-letter topic")
                .tag("topic", t)
                .register(registry)).increment();
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
        if (event instanceof CompanyEvent) {
            return "company";
        }
        if (event instanceof PriceCorrection) {
            return "price-correction";
        }
        if (event instanceof FilingWithdrawal) {
            return "filing-withdrawal";
        }
        if (event instanceof CompanyRemoval) {
            return "company-removal";
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private static long eventTimeMillis(MarketEvent event) {
        if (event instanceof PriceEvent price) {
            return price.at().toEpochMilli();
        }
        if (event instanceof FilingEvent filing) {
            return filing.filedAt().toEpochMilli();
        }
        if (event instanceof EstimateEvent estimate) {
            return estimate.asOf().toEpochMilli();
        }
        if (event instanceof MacroEvent macro) {
            return macro.asOf().toEpochMilli();
        }
        return 0;
    }
}
