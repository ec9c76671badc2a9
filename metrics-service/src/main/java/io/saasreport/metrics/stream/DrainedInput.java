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
 * {@code max.poll.records} found nothing more fetched; once every record polled so far is processed (the last
 * polled offset of each partition), the input is drained. A full poll means a backlog: commits then wait for the
 * interval, which becomes a ceiling, and the record cache keeps conflating a company's ticks as before.
 *
 * <p>Told of each poll by {@link ShortPollInterceptor}, on the stream thread itself (a consumer calls its
 * interceptors inside {@code poll}, and a stream thread polls for and processes its own tasks), so the state is kept
 * per thread. Until a poll is seen (TopologyTestDriver has no consumer) the input counts as not drained: nothing is
 * requested, and publication waits for its interval. A partition whose polled records stay unprocessed for longer
 * than {@link #FORGET_AFTER_MS} (its task was revoked meanwhile, or it waits behind a paused partition) is forgotten:
 * the worst it can cost is one early commit a second.
 */
final class DrainedInput {

    /** As long as the default commit interval: a partition forgotten wrongly costs at most the commit it brings. */
    static final long FORGET_AFTER_MS = 1000;
    private static final ThreadLocal<DrainedInput> OF_THREAD = ThreadLocal.withInitial(DrainedInput::new);

    /** The partitions with polled records not yet processed: the last offset polled, and when. */
    private final Map<TopicPartition, long[]> unprocessed = new HashMap<>();
    private boolean lastPollShort;

    private DrainedInput() {
    }

    static DrainedInput ofThisThread() {
        return OF_THREAD.get();
    }

    void polled(ConsumerRecords<?, ?> records, int maxPollRecords, long nowMs) {
        lastPollShort = records.count() < maxPollRecords;
        unprocessed.values().removeIf(polled -> nowMs - polled[1] > FORGET_AFTER_MS);
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> polled = records.records(partition);
            unprocessed.put(partition, new long[] {polled.get(polled.size() - 1).offset(), nowMs});
        }
    }

    /** True once per drain: for the record that leaves nothing polled unprocessed after a short poll. */
    boolean drainedBy(Optional<RecordMetadata> processed) {
        if (unprocessed.isEmpty() || processed.isEmpty()) {
            return false;
        }
        RecordMetadata record = processed.get();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        long[] last = unprocessed.get(partition);
        if (last == null || record.offset() < last[0]) {
            return false;
        }
        unprocessed.remove(partition);
        return unprocessed.isEmpty() && lastPollShort;
    }

    /** The last poll was short and every record polled is processed. */
    boolean drained() {
        return lastPollShort && unprocessed.isEmpty();
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
