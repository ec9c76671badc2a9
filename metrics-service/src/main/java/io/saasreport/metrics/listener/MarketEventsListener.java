package io.saasreport.metrics.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.saasreport.metrics.service.MetricsProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The five input topics. Each channel is consumed in order on its own worker thread; the processor
 * serialises them. A record that cannot be read is nacked and the channel's dead-letter-queue
 * failure strategy moves it to {@code <topic>.dlq}.
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
    public void onPrice(ConsumerRecord<String, String> record) {
        processor.process(record);
    }

    @Incoming(FILINGS)
    @Blocking
    public void onFiling(ConsumerRecord<String, String> record) {
        processor.process(record);
    }

    @Incoming(ESTIMATES)
    @Blocking
    public void onEstimate(ConsumerRecord<String, String> record) {
        processor.process(record);
    }

    @Incoming(MACRO)
    @Blocking
    public void onMacro(ConsumerRecord<String, String> record) {
        processor.process(record);
    }

    @Incoming(PROFILES)
    @Blocking
    public void onProfile(ConsumerRecord<String, String> record) {
        processor.process(record);
    }
}
