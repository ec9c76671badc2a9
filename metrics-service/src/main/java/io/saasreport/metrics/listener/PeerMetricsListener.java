package io.saasreport.metrics.listener;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.saasreport.metrics.service.MetricsProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The whole compacted {@code metrics.company} topic, read by every instance with its own group id.
 * When the service is scaled out, each instance owns the tickers of its input partitions; the figures
 * of the other instances' companies arrive here, so every instance's universe statistics cover all
 * companies. An instance's own records are skipped.
 */
@ApplicationScoped
public class PeerMetricsListener {

    public static final String PEER_METRICS = "peer-metrics";

    private final MetricsProcessor processor;

    public PeerMetricsListener(MetricsProcessor processor) {
        this.processor = processor;
    }

    @Incoming(PEER_METRICS)
    @Blocking
    public void onPeerMetrics(ConsumerRecords<String, String> records) {
        processor.acceptPeers(MarketEventsListener.asList(records));
    }
}
