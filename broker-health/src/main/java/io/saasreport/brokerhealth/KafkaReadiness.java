package io.saasreport.brokerhealth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * Ready while Kafka answers with the topics this service needs ({@code saasreport.kafka-health.topics}), from the
 * last answer of the {@link BrokerContact} (never a call to the broker on the health request). DOWN names the reason
 * and since when. The gauge {@code kafka.broker.reachable} (1 or 0) tells the same to the meters.
 */
@Readiness
@Startup
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    public static final String NAME = "kafka";

    private final BrokerContact contact;

    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "saasreport.kafka-health.topics") Optional<List<String>> topics,
            @ConfigProperty(name = "saasreport.kafka-health.interval", defaultValue = "1s") Duration interval,
            @ConfigProperty(name = "saasreport.kafka-health.timeout", defaultValue = "2s") Duration timeout,
            MeterRegistry registry) {
        this.contact = new BrokerContact(kafka, topics.orElse(List.of()), interval, timeout);
        Gauge.builder("kafka.broker.reachable", contact, c -> c.status().reachable() ? 1 : 0)
                .description("1 while Kafka answers the health probe with every topic this service needs")
                .register(registry);
    }

    /** The last answer, for callers that refuse work at once while Kafka is away. */
    public BrokerContact.Status status() {
        return contact.status();
    }

    @Override
    public HealthCheckResponse call() {
        BrokerContact.Status status = contact.status();
        return HealthCheckResponse.named(NAME)
                .status(status.reachable())
                .withData("broker", status.detail())
                .withData("since", status.since().toString())
                .build();
    }

    @PreDestroy
    void close() {
        contact.close();
    }
}
