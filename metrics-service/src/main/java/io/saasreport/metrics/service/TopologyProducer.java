package io.saasreport.metrics.service;

import org.apache.kafka.streams.Topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.saasreport.metrics.config.MetricsConfig;
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
    Topology topology(MeterRegistry registry, MetricsConfig config) {
        MetricsConfig.Topics topic = config.topic();
        var settings = new MetricsTopology.Settings(topic.prices(), topic.filings(), topic.estimates(), topic.profiles(),
                topic.macro(), topic.company(), topic.universe(), config.universe().publishInterval(), topic.definitions(),
                topic.alerts(), config.universe().partitions(),
                new AlertThresholds(config.alerts().companyMultipleMove(), config.alerts().medianMove()));
        return MetricsTopology.build(settings, new ProcessingMeters(registry));
    }
}
