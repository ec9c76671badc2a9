package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

/** The drained-input rule of the stream thread, fed as the consumer's interceptor feeds it. */
class DrainedInputTest {

    private static final TopicPartition PRICES_0 = new TopicPartition("market.prices", 0);
    private static final TopicPartition FILINGS_0 = new TopicPartition("company.filings", 0);

    @Test
    void aShortPollIsDrainedByTheLastRecordOfItsLastPartitionOnly() throws Exception {
        onOwnThread(() -> {
            ShortPollInterceptor interceptor = interceptor(1000);
            interceptor.onConsume(records(Map.of(PRICES_0, List.of(10L, 11L, 12L), FILINGS_0, List.of(4L))));
            DrainedInput drained = DrainedInput.ofThisThread();

            assertFalse(drained.drainedBy(processed(PRICES_0, 10)));
            assertFalse(drained.drainedBy(processed(FILINGS_0, 4)), "prices 11 and 12 are still to come");
            assertFalse(drained.drainedBy(processed(PRICES_0, 11)));
            assertFalse(drained.drained());
            assertTrue(drained.drainedBy(processed(PRICES_0, 12)));
            assertTrue(drained.drained());
            assertFalse(drained.drainedBy(processed(PRICES_0, 12)), "the commit is requested once per poll");
        });
    }

    @Test
    void aFullPollIsABacklogThatNothingDrains() throws Exception {
        onOwnThread(() -> {
            ShortPollInterceptor interceptor = interceptor(3);
            interceptor.onConsume(records(Map.of(PRICES_0, List.of(1L, 2L, 3L))));
            DrainedInput drained = DrainedInput.ofThisThread();

            for (long offset = 1; offset <= 3; offset++) {
                assertFalse(drained.drainedBy(processed(PRICES_0, offset)));
            }
            assertFalse(drained.drained());

            interceptor.onConsume(records(Map.of(PRICES_0, List.of(4L))));
            assertTrue(drained.drainedBy(processed(PRICES_0, 4)), "the backlog is worked off: the next poll is short");
        });
    }

    @Test
    void recordsOfAnEarlierFullPollStillQueuedKeepTheInputUndrained() throws Exception {
        onOwnThread(() -> {
            DrainedInput drained = DrainedInput.ofThisThread();
            drained.polled(records(Map.of(PRICES_0, List.of(1L, 2L, 3L))), 3, 0);
            drained.polled(records(Map.of(FILINGS_0, List.of(10L))), 3, 5);

            assertFalse(drained.drainedBy(processed(FILINGS_0, 10)), "prices 1 to 3 wait in the task's queue");
            assertFalse(drained.drainedBy(processed(PRICES_0, 2)));
            assertTrue(drained.drainedBy(processed(PRICES_0, 3)));
        });
    }

    @Test
    void aPartitionLeftUnprocessedForASecondIsForgotten() throws Exception {
        onOwnThread(() -> {
            DrainedInput drained = DrainedInput.ofThisThread();
            drained.polled(records(Map.of(PRICES_0, List.of(5L))), 1000, 0);
            drained.polled(records(Map.of(FILINGS_0, List.of(7L))), 1000, DrainedInput.FORGET_AFTER_MS);
            assertFalse(drained.drainedBy(processed(FILINGS_0, 7)), "price 5 is still expected");

            drained.polled(records(Map.of(FILINGS_0, List.of(8L))), 1000, DrainedInput.FORGET_AFTER_MS + 1);
            assertTrue(drained.drainedBy(processed(FILINGS_0, 8)), "its task was revoked: price 5 never comes");
        });
    }

    @Test
    void aRecordOfAnEarlierPollStillBufferedDoesNotDrain() throws Exception {
        onOwnThread(() -> {
            ShortPollInterceptor interceptor = interceptor(1000);
            interceptor.onConsume(records(Map.of(PRICES_0, List.of(500L))));
            DrainedInput drained = DrainedInput.ofThisThread();

            assertFalse(drained.drainedBy(processed(PRICES_0, 499)));
            assertFalse(drained.drainedBy(Optional.empty()), "a punctuation's forward has no record");
            assertTrue(drained.drainedBy(processed(PRICES_0, 500)));
        });
    }

    @Test
    void nothingIsDrainedBeforeAPollIsSeenAndEachThreadKeepsItsOwn() throws Exception {
        onOwnThread(() -> {
            interceptor(1000).onConsume(records(Map.of()));
            assertTrue(DrainedInput.ofThisThread().drained(), "an empty poll leaves nothing to process");
        });
        onOwnThread(() -> {
            assertFalse(DrainedInput.ofThisThread().drained(), "no poll on this thread (TopologyTestDriver)");
            assertFalse(DrainedInput.ofThisThread().drainedBy(processed(PRICES_0, 1)));
        });
    }

    @Test
    void theInterceptorPassesTheRecordsOnUnchanged() throws Exception {
        onOwnThread(() -> {
            ConsumerRecords<Object, Object> records = records(Map.of(PRICES_0, List.of(7L)));
            assertEquals(records, interceptor(1000).onConsume(records));
        });
    }

    private static ShortPollInterceptor interceptor(int maxPollRecords) {
        ShortPollInterceptor interceptor = new ShortPollInterceptor();
        interceptor.configure(Map.of("max.poll.records", String.valueOf(maxPollRecords)));
        return interceptor;
    }

    private static ConsumerRecords<Object, Object> records(Map<TopicPartition, List<Long>> offsets) {
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> records = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        offsets.forEach((partition, list) -> {
            List<ConsumerRecord<Object, Object>> polled = new ArrayList<>();
            list.forEach(offset -> polled.add(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                    "key", "value")));
            records.put(partition, polled);
            if (!list.isEmpty()) {
                next.put(partition, new OffsetAndMetadata(list.get(list.size() - 1) + 1));
            }
        });
        return new ConsumerRecords<>(records, next);
    }

    private static Optional<RecordMetadata> processed(TopicPartition partition, long offset) {
        return Optional.of(new RecordMetadata() {
            @Override
            public String topic() {
                return partition.topic();
            }

            @Override
            public int partition() {
                return partition.partition();
            }

            @Override
            public long offset() {
                return offset;
            }
        });
    }

    /** The state is per thread, as per stream thread: each case starts on a fresh one. */
    private static void onOwnThread(Runnable test) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                test.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        thread.start();
        done.get();
    }
}
