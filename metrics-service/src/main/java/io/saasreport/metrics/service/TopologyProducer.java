package io.saasreport.metrics.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.saasreport.metrics.config.MetricsConfig;
import io.saasreport.metrics.stream.MetricsTopology;
import io.saasreport.metrics.stream.ProcessingMeters;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Hands Quarkus the topology to run; the extension owns the KafkaStreams lifecycle. Before it, the input topics'
 * partitions are checked against the state's ({@link StatePartitions}): a mismatch stops the start.
 */
@ApplicationScoped
public class TopologyProducer {

    private static final Logger LOG = Logger.getLogger(TopologyProducer.class);
    /** How long the start waits for the broker to describe the topics before it leaves the check to the next start. */
    private static final long CHECK_TIMEOUT_MILLIS = 30_000;

    // @Singleton, not @ApplicationScoped: Kafka Streams reads the Topology's fields, which a client proxy lacks.
    @Produces
    @Singleton
    Topology topology(MeterRegistry registry, MetricsConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId) {
        MetricsConfig.Topics topic = config.topic();
        checkPartitions(kafka, List.of(topic.prices(), topic.filings(), topic.estimates(), topic.profiles()),
                applicationId + "-" + MetricsTopology.COMPANY_STATE_STORE + "-changelog");
        return MetricsTopology.build(config, new ProcessingMeters(registry));
    }

    private static void checkPartitions(Map<String, Object> kafka, List<String> tickerTopics, String stateTopic) {
        Map<String, Object> admin = new HashMap<>(kafka);
        admin.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        try (Admin client = Admin.create(admin)) {
            StatePartitions.Found found = StatePartitions.verify(client, tickerTopics, stateTopic, CHECK_TIMEOUT_MILLIS);
            LOG.infof("Input partitions %s, state built with %s", found.inputs(),
                    found.state() == null ? "none yet" : found.state());
        } catch (TimeoutException | ExecutionException e) {
            // Kafka Streams cannot run without the broker either; the next start checks again.
            LOG.warnf("Could not check the input topics' partitions against the state's (%s); starting anyway", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the input partitions", e);
        }
    }
}
