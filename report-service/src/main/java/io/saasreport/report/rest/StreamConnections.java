package io.saasreport.report.rest;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.saasreport.report.config.ReportConfig;

/** The open event streams of this instance, up to {@code report.stream.max-connections}, with their meters. */
@ApplicationScoped
public class StreamConnections {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter refused;
    private final Counter dropped;

    StreamConnections(ReportConfig config, MeterRegistry registry) {
        this.max = config.stream().maxConnections();
        Gauge.builder("report.stream.connections", open, AtomicInteger::get)
                .description("Event streams open on this instance").register(registry);
        this.refused = Counter.builder("report.stream.refused")
                .description("Event streams refused because the instance had as many open as allowed").register(registry);
        this.dropped = Counter.builder("report.stream.dropped")
                .description("Event streams closed because their client left its events untaken too long").register(registry);
    }

    /** Takes a place for one more stream, or refuses it (StreamFullException) when all are taken. */
    void open() {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            refused.increment();
            throw new StreamFullException(max);
        }
    }

    /** Gives the place of an ended stream back (called once per stream opened). */
    void closed() {
        open.decrementAndGet();
    }

    /** Counts a stream closed because its client did not take its events. */
    void droppedSlowClient() {
        dropped.increment();
    }
}
