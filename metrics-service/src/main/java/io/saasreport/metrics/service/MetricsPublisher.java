package io.saasreport.metrics.service;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.saasreport.metrics.domain.CompanyMetrics;
import io.saasreport.metrics.domain.UniverseSnapshot;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes the figures to the compacted output topics, as JSON with CloudEvents headers. Sends are
 * pipelined (not awaited one by one); a failed send is logged and counted, and the next change or a
 * restart (which republishes everything) brings the compacted topic up to date again.
 */
@ApplicationScoped
public class MetricsPublisher {

    public static final String COMPANY_METRICS = "company-metrics";
    public static final String UNIVERSE_STATISTICS = "universe-statistics";
    static final String UNIVERSE_KEY = "universe";
    private static final Logger LOG = Logger.getLogger(MetricsPublisher.class);

    private final Emitter<String> companyEmitter;
    private final Emitter<String> universeEmitter;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    private final String source;

    // Unbounded: a start republishes every company at once, far beyond the default buffer of 128.
    public MetricsPublisher(
            @Channel(COMPANY_METRICS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> companyEmitter,
            @Channel(UNIVERSE_STATISTICS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> universeEmitter, ObjectMapper mapper, MeterRegistry registry,
            @ConfigProperty(name = "metrics.instance-id") String instanceId) {
        this.source = sourceOf(instanceId);
        this.companyEmitter = companyEmitter;
        this.universeEmitter = universeEmitter;
        this.mapper = mapper;
        this.registry = registry;
    }

    /** The CloudEvents source of this instance's records: its peers tell their own records by it. */
    public static String sourceOf(String instanceId) {
        return "/metrics-service/" + instanceId;
    }

    public String source() {
        return source;
    }

    /**
     * A company known only by its name has no figures and no event time yet: its figures are first
     * published with its first dated event (price, filing or estimate), so every published record
     * says as of when it holds.
     */
    public void publish(CompanyMetrics metrics) {
        if (metrics.asOf() == null) {
            return;
        }
        send(companyEmitter, metrics.ticker(), "io.saasreport.metrics.company", metrics);
    }

    public void publish(UniverseSnapshot universe) {
        if (universe.asOf() == null) {
            return; // nothing dated has happened yet
        }
        send(universeEmitter, UNIVERSE_KEY, "io.saasreport.metrics.universe", universe);
    }

    private void send(Emitter<String> emitter, String key, String type, Object value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(source));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build();
        String json = toJson(value);
        emitter.send(Message.of(json)
                .addMetadata(metadata)
                .withAck(() -> java.util.concurrent.CompletableFuture.completedFuture(null))
                .withNack(failure -> {
                    LOG.errorf(failure, "Publishing %s for %s failed", type, key);
                    registry.counter("metrics.publish.failures", "type", type).increment();
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }));
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Figures cannot be written as JSON", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
