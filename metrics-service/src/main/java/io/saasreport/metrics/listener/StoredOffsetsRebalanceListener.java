package io.saasreport.metrics.listener;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.saasreport.metrics.service.MetricsProcessor;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Positions each assigned input partition at the offset stored in PostgreSQL with the state, so the
 * service resumes exactly after the last event it applied, whatever Kafka's committed offset says.
 */
@ApplicationScoped
@Identifier("stored-offsets")
public class StoredOffsetsRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredOffsetsRebalanceListener.class);

    private final MetricsProcessor processor;

    public StoredOffsetsRebalanceListener(MetricsProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (processor.stopping()) {
            return; // the consumers leave the group at shutdown: no position to restore
        }
        processor.onAssigned(partitions);
        for (TopicPartition partition : partitions) {
            Long next = processor.nextOffset(partition);
            if (next != null) {
                LOG.debugf("Resuming %s at stored offset %d", partition, next);
                consumer.seek(partition, next);
            }
        }
    }
}
