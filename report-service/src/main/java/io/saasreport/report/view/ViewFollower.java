package io.saasreport.report.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import io.saasreport.report.record.Conflation;
import io.saasreport.report.record.RecordCodec;

/**
 * Keeps this instance's {@link ReportView} up with {@code metrics.company}, {@code metrics.universe} and
 * {@code metrics.alerts}. It reads every
 * partition itself (assigned, not a group member, never committing), so every instance holds every company whichever
 * partitions its writers own.
 *
 * <p>Start: it reads the writers' group offsets <em>first</em>, then loads the view from PostgreSQL, then follows the
 * topics from those offsets. The writers commit an offset only after storing the records before it, so everything
 * before the offsets is in the loaded view and nothing after them is skipped; values met twice are conflated away.
 */
public final class ViewFollower implements Runnable {

    private static final Logger LOG = Logger.getLogger(ViewFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Consumer<String, String> consumer;
    private final String companyTopic;
    private final String universeTopic;
    private final String alertsTopic;
    private final RecordCodec codec;
    private final ReportView view;
    private volatile boolean running = true;

    public ViewFollower(Consumer<String, String> consumer, String companyTopic, String universeTopic,
            String alertsTopic, RecordCodec codec, ReportView view) {
        this.consumer = consumer;
        this.companyTopic = companyTopic;
        this.universeTopic = universeTopic;
        this.alertsTopic = alertsTopic;
        this.codec = codec;
        this.view = view;
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    follow();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Whatever went wrong (the broker away at start, say), starting over is always correct.
                    LOG.warnf(e, "The view stopped following Kafka; starting over");
                    consumer.unsubscribe();
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    private void follow() throws InterruptedException {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, OffsetAndMetadata> start = loadFromTheDatabase(partitions);
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = start.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        while (running) {
            apply(consumer.poll(POLL));
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void apply(ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, String>> companies = new ArrayList<>();
        List<ConsumerRecord<String, String>> universe = new ArrayList<>();
        List<ConsumerRecord<String, String>> alerts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.topic().equals(companyTopic)) {
                companies.add(record);
            } else if (record.topic().equals(universeTopic)) {
                universe.add(record);
            } else {
                alerts.add(record);
            }
        }
        // Unreadable records are skipped here; the writers dead-letter them.
        // Each minute's last universe statistics, not only the newest: they make the medians history.
        view.apply(Conflation.newestPerKey(codec.newestCompanies(companies).updates()),
                Conflation.newestPerKeyAndMinute(codec.universe(universe).updates()),
                codec.alerts(alerts).updates().stream().map(update -> update.value()).toList());
    }

    private List<TopicPartition> partitions() throws InterruptedException {
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            Set<String> found = new HashSet<>();
            for (String topic : List.of(companyTopic, universeTopic, alertsTopic)) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                    found.add(topic);
                }
            }
            if (found.size() == 3) {
                return partitions;
            }
            LOG.infof("Waiting for topics %s, %s and %s", companyTopic, universeTopic, alertsTopic);
            Thread.sleep(RETRY.toMillis());
        }
        throw new WakeupException();
    }

    /** The writers' committed offsets, read before the database so that the two never leave a gap. */
    private Map<TopicPartition, OffsetAndMetadata> loadFromTheDatabase(List<TopicPartition> partitions) throws InterruptedException {
        while (running) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            try {
                view.load();
                LOG.infof("View loaded from the database: %d companies", view.current().companies().size());
                return committed;
            } catch (RuntimeException e) {
                LOG.warnf("Cannot load the view from the database yet: %s", e.getMessage());
                Thread.sleep(RETRY.toMillis());
            }
        }
        throw new WakeupException();
    }
}
