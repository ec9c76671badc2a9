package io.saasreport.metrics.service;

import java.time.Duration;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.saasreport.metrics.domain.AlertThresholds;
import io.saasreport.metrics.stream.MetricsTopology;
import io.saasreport.metrics.stream.ProcessingMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands Quarkus the topology to run; the extension owns the KafkaStreams lifecycle. */
@ApplicationScoped
public class TopologyProducer {

    // @Singleton, not @ApplicationScoped: Kafka Streams reads the Topology's fields, which a client proxy lacks.
    @Produces
    @Singleton
    Topology topology(MeterRegistry registry,
            @ConfigProperty(name = "metrics.topic.prices") String prices,
            @ConfigProperty(name = "metrics.topic.filings") String filings,
            @ConfigProperty(name = "metrics.topic.estimates") String estimates,
            @ConfigProperty(name = "metrics.topic.profiles") String profiles,
            @ConfigProperty(name = "metrics.topic.macro") String macro,
            @ConfigProperty(name = "metrics.topic.company") String company,
            @ConfigProperty(name = "metrics.topic.universe") String universe,
            @ConfigProperty(name = "metrics.universe.publish-interval") Duration publishInterval,
            @ConfigProperty(name = "metrics.topic.definitions") String definitions,
            @ConfigProperty(name = "metrics.topic.alerts") String alerts,
            @ConfigProperty(name = "metrics.universe.partitions") int universePartitions,
            @ConfigProperty(name = "metrics.alerts.company-multiple-move") double companyMultipleMove,
            @ConfigProperty(name = "metrics.alerts.median-move") double medianMove) {
        var settings = new MetricsTopology.Settings(prices, filings, estimates, profiles, macro, company, universe,
                publishInterval, definitions, alerts, universePartitions,
                new AlertThresholds(companyMultipleMove, medianMove));
        return MetricsTopology.build(settings, new ProcessingMeters(registry));
    }
}
