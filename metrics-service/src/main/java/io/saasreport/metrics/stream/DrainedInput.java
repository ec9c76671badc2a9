package io.saasreport.metrics.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Whether the stream thread has worked off its input, so that what it computed can be committed (and published)
 * at once instead of at the next {@code commit.interval.ms}. A poll that returns fewer records than
 * {@code max.poll.records} found nothing more fetched: once the last record of each of its partitions is processed,
 * the input is drained. A full poll means a backlog: commits then wait for the interval, which becomes a ceiling, and
 * the record cache keeps conflating a company's ticks as before.
 *
 * <p>Told of each poll by {@link ShortPollInterceptor}, on the stream thread itself (a consumer calls its
 * interceptors inside {@code poll}, and a stream thread polls for and processes its own tasks), so the state is kept
 * per thread. Until a poll is seen (TopologyTestDriver has no consumer) the input counts as not drained: nothing is
 * requested, and publication waits for its interval. A record lost on the way (a task revoked mid-batch) only leaves
 * the commit to the interval.
 */
final class DrainedInput {

    private static final ThreadLocal<DrainedInput> OF_THREAD = ThreadLocal.withInitial(DrainedInput::new);

    /** The last offset polled per partition of a short poll, removed once processed; null after a full poll. */
    private Map<TopicPartition, Long> unprocessed;

    private DrainedInput() {
    }

    static DrainedInput ofThisThread() {
        return OF_THREAD.get();
    }

    void polled(ConsumerRecords<?, ?> records, int maxPollRecords) {
        if (records.count() >= maxPollRecords) {
            unprocessed = null;
            return;
        }
        Map<TopicPartition, Long> last = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> polled = records.records(partition);
            last.put(partition, polled.get(polled.size() - 1).offset());
        }
        unprocessed = last;
    }

    /** True once: for the record that leaves nothing of the last short poll unprocessed. */
    boolean drainedBy(Optional<RecordMetadata> processed) {
        if (unprocessed == null || unprocessed.isEmpty() || processed.isEmpty()) {
            return false;
        }
        RecordMetadata record = processed.get();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long last = unprocessed.get(partition);
        if (last == null || record.offset() < last) {
            return false;
        }
        unprocessed.remove(partition);
        return unprocessed.isEmpty();
    }

    /** Every record of the last poll processed, and that poll was short. */
    boolean drained() {
        return unprocessed != null && unprocessed.isEmpty();
    }

    /**
     * Called by each processor that reads a source topic, after each record: requests the commit when the record
     * drained the input ({@code commit.interval.ms} still commits under a backlog).
     */
    static boolean commitIfDrained(ProcessingContext context) {
        if (ofThisThread().drainedBy(context.recordMetadata())) {
            context.commit();
            return true;
        }
        return false;
    }
}
