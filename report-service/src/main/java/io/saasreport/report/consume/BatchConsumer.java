package io.saasreport.report.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * One member of the report's shared consumer group on one topic: it polls a batch, hands it to the handler (which
 * stores it in one transaction) and commits the batch's offsets only once the handler returned.
 *
 * <p>When the handler fails (the database is away, a dead-letter send is not acknowledged), the batch is kept and
 * nothing is committed: the consumer pauses its partitions, keeps polling (so the group does not evict it; records of
 * partitions assigned meanwhile join the batch), waits a doubling backoff and tries the same batch again, for as long
 * as it takes. {@link #failure()} says so meanwhile, for the writers' health check; {@link #lag()} and
 * {@link #lastStored()} are its meters.
 */
public final class BatchConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSED_POLL = Duration.ofMillis(100);
    /** A poll this long that brings nothing ends the batch being gathered: the topic is quiet, store what came. */
    static final Duration QUIET = Duration.ofMillis(300);

    /** Stores a batch; any exception means "not stored, try again". */
    public interface Handler {
        void handle(List<ConsumerRecord<String, String>> batch);
    }

    /**
     * How a batch is gathered: after its first record, polls are added to it for up to {@code linger}, while it holds
     * fewer than {@code records} once compacted and a poll of up to {@link #QUIET} brings records; {@code compaction}
     * drops what the batch no longer needs as it grows (records superseded within it), each time it doubled or
     * filled up.
     */
    public record Gathering(Duration linger, int records, UnaryOperator<List<ConsumerRecord<String, String>>> compaction) {
    }

    /** Why the channel is not moving, and since when. */
    public record Failure(Instant since, int attempts, String reason) {
    }

    private final String name;
    private final Consumer<String, String> consumer;
    private final Collection<String> topics;
    private final Handler handler;
    private final Backoff backoff;
    private final Gathering gathering;
    private volatile boolean running = true;
    private volatile Failure failure;
    private volatile Instant lastStored = Instant.now();
    private volatile long lag = -1;
    /** The offsets this consumer committed last, per partition (only this loop's thread touches it). */
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    public BatchConsumer(String name, Consumer<String, String> consumer, Collection<String> topics, Handler handler,
            Gathering gathering, Duration initialBackoff, Duration maxBackoff) {
        this.name = name;
        this.consumer = consumer;
        this.topics = topics;
        this.handler = handler;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
        this.gathering = gathering;
    }

    public String name() {
        return name;
    }

    /** Null while the channel keeps up; otherwise the failure it is retrying. */
    public Failure failure() {
        return failure;
    }

    /** When the last batch was stored (the start, before the first). */
    public Instant lastStored() {
        return lastStored;
    }

    /** Records on the assigned partitions not stored yet (held or not yet polled); -1 until known. */
    public long lag() {
        return lag;
    }

    @Override
    public void run() {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        try {
            consumer.subscribe(topics);
            while (running) {
                if (batch.isEmpty()) {
                    try {
                        hold(consumer.poll(POLL), batch);
                        measureLag(batch);
                        gather(batch);
                    } catch (WakeupException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // The client retries the broker by itself; anything it gives up on is waited out the same way.
                        failed(e, 0);
                        waitAndKeepPolling(backoff.next(), batch);
                        continue;
                    }
                }
                if (batch.isEmpty()) {
                    commitMarkersPassed();
                    recovered();
                    continue;
                }
                try {
                    handler.handle(batch);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failed(e, batch.size());
                    waitAndKeepPolling(backoff.next(), batch);
                    continue;
                }
                lastStored = Instant.now();
                commit(batch);
                batch.clear();
                recovered();
            }
        } catch (WakeupException e) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s stopped", name);
            failure = new Failure(Instant.now(), 0, "stopped: " + e);
        } finally {
            consumer.close();
        }
    }

    /** Ends {@link #run()} at its next poll (thread-safe). */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void failed(RuntimeException e, int records) {
        Failure previous = failure;
        failure = new Failure(previous == null ? Instant.now() : previous.since(),
                previous == null ? 1 : previous.attempts() + 1, String.valueOf(e.getMessage()));
        if (previous == null) {
            LOG.warnf(e, "%s cannot store a batch of %d records; holding it and retrying", name, records);
        } else {
            LOG.warnf("%s still cannot store its batch (attempt %d): %s", name, failure.attempts(), e.getMessage());
        }
    }

    private void recovered() {
        if (failure != null) {
            LOG.infof("%s stored its batch after %d attempts; consuming again", name, failure.attempts() + 1);
            failure = null;
        }
        backoff.reset();
    }

    /** Adds polls to a batch that has records, as {@link #gathering} says. */
    private void gather(List<ConsumerRecord<String, String>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int compacted = compact(batch);
        long deadline = System.nanoTime() + gathering.linger().toNanos();
        long left;
        while (running && compacted < gathering.records() && (left = deadline - System.nanoTime()) > 0) {
            ConsumerRecords<String, String> polled = consumer.poll(Duration.ofNanos(Math.min(left, QUIET.toNanos())));
            if (polled.isEmpty()) {
                break;
            }
            hold(polled, batch);
            // Compacted again once it doubled or is full: each record is looked at a few times, not once per poll.
            if (batch.size() >= 2 * compacted || batch.size() >= gathering.records()) {
                compacted = compact(batch);
            }
            measureLag(batch);
        }
        dropRevoked(batch);
    }

    /**
     * Adds polled records to the batch, each header read into bytes of its own: until it is read, a header is a view
     * of the whole fetch response it came in (of an uncompressed batch, as ours are), so a batch held for the linger
     * kept every response of that second alive (at 5,000 ticks/s the report's heap filled with them about once a
     * second, docs/performance.md).
     */
    static void hold(ConsumerRecords<String, String> polled, List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> record : polled) {
            for (Header header : record.headers()) {
                header.key();
                header.value();
            }
            batch.add(record);
        }
    }

    /** Drops what the batch no longer needs; returns its size. */
    private int compact(List<ConsumerRecord<String, String>> batch) {
        List<ConsumerRecord<String, String>> kept = gathering.compaction().apply(batch);
        if (kept.size() < batch.size()) {
            batch.clear();
            batch.addAll(kept);
        }
        return batch.size();
    }

    /** Polls paused partitions until the wait is over; records of partitions assigned meanwhile join the batch. */
    private void waitAndKeepPolling(Duration wait, List<ConsumerRecord<String, String>> batch) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (running && System.nanoTime() < deadline) {
            consumer.pause(consumer.assignment());
            try {
                hold(consumer.poll(PAUSED_POLL), batch);
                measureLag(batch);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.debugf("%s: poll failed while waiting: %s", name, e.getMessage());
                sleep(PAUSED_POLL);
            }
        }
        consumer.resume(consumer.paused());
        dropRevoked(batch);
    }

    /** A partition taken away meanwhile (a rebalance inside a poll) is another member's now: it starts from the last committed offset. */
    private void dropRevoked(List<ConsumerRecord<String, String>> batch) {
        Set<TopicPartition> owned = consumer.assignment();
        batch.removeIf(record -> !owned.contains(new TopicPartition(record.topic(), record.partition())));
    }

    /** The held batch plus what the assigned partitions have beyond the position (as of the last fetch). */
    private void measureLag(List<ConsumerRecord<String, String>> batch) {
        long behind = batch.size();
        for (TopicPartition partition : consumer.assignment()) {
            behind += consumer.currentLag(partition).orElse(0);
        }
        lag = behind;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /**
     * Commits, per owned partition of the batch, the consumer's position: past the batch's records and past the
     * transaction markers the fetch skipped after them, so that a transactional topic's committed offset reaches its
     * end (lag 0 for the group's tools and the view's start) instead of stopping at the last marker.
     */
    private void commit(List<ConsumerRecord<String, String>> batch) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (owned.contains(partition)) {
                // The position is past every record polled from the partition, all of which are in the batch.
                next.computeIfAbsent(partition, polled -> new OffsetAndMetadata(consumer.position(polled)));
            }
        }
        commit(next);
    }

    /**
     * After a poll with no records: a marker fetched after the last batch (its transaction committed later) still
     * moves the position; commit it where it passed the committed offset. Nothing is held, so nothing is skipped.
     */
    private void commitMarkersPassed() {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        try {
            for (Map.Entry<TopicPartition, Long> done : committed.entrySet()) {
                if (consumer.assignment().contains(done.getKey())) {
                    long position = consumer.position(done.getKey(), Duration.ZERO);
                    if (position > done.getValue()) {
                        next.put(done.getKey(), new OffsetAndMetadata(position));
                    }
                }
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            return; // a partition just assigned has no position yet: its next batch commits it
        }
        if (!next.isEmpty()) {
            commit(next);
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> next) {
        try {
            consumer.commitSync(next);
            next.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Stored already: a redelivery after a rebalance or a broker hiccup stores the same values again.
            LOG.warnf("%s could not commit after storing (the records may be delivered again): %s", name, e.getMessage());
        }
    }
}
