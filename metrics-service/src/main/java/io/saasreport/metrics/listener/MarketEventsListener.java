package io.saasreport.metrics.listener;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.saasreport.metrics.service.MetricsProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The five input topics, consumed in polled batches (one record under light load, hundreds in a
 * burst), in order, each channel on its own worker thread; the processor serialises them. A record
 * that cannot be read goes to {@code <topic>.dlq} (see {@link io.saasreport.metrics.service.DeadLetters}).
 */
@ApplicationScoped
public class MarketEventsListener {

    public static final String PRICES = "prices";
    public static final String FILINGS = "filings";
    public static final String ESTIMATES = "estimates";
    public static final String MACRO = "macro";
    public static final String PROFILES = "profiles";

    private final MetricsProcessor processor;

    public MarketEventsListener(MetricsProcessor processor) {
        this.processor = processor;
    }

    @Incoming(PRICES)
    @Blocking
    public void onPrices(ConsumerRecords<String, String> records) {
        processor.process(asList(records));
    }

    @Incoming(FILINGS)
    @Blocking
    public void onFilings(ConsumerRecords<String, String> records) {
        processor.process(asList(records));
    }

    @Incoming(ESTIMATES)
    @Blocking
    public void onEstimates(ConsumerRecords<String, String> records) {
        processor.process(asList(records));
    }

    @Incoming(MACRO)
    @Blocking
    public void onMacro(ConsumerRecords<String, String> records) {
        processor.process(asList(records));
    }

    @Incoming(PROFILES)
    @Blocking
    public void onProfiles(ConsumerRecords<String, String> records) {
        processor.process(asList(records));
    }

    static List<ConsumerRecord<String, String>> asList(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
