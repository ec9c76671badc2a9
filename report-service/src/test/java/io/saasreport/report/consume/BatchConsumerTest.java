package io.saasreport.report.consume;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writer loop against Kafka's MockConsumer: a failing store holds the batch back, it is never lost or skipped. */
class BatchConsumerTest {

    private static final String TOPIC = "company.filings";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private MockConsumer<String, String> kafka = new MockConsumer<>("earliest");
    private final List<List<Long>> attempts = new CopyOnWriteArrayList<>();
    private final List<BatchConsumer.Failure> failuresSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    /** Each poll a batch, unless a test says otherwise. */
    private BatchConsumer.Gathering gathering = new BatchConsumer.Gathering(Duration.ZERO, 1, batch -> batch);
    private BatchConsumer loop;
    private Thread thread;

    private void start() {
        assign();
        launch();
    }

    /** The partition is assigned at the first poll; tasks scheduled after this run at the polls after it. */
    private void assign() {
        kafka.schedulePollTask(() -> {
            kafka.rebalance(List.of(PARTITION));
            kafka.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
    }

    private void launch() {
        loop = new BatchConsumer("filings", kafka, List.of(TOPIC), batch -> {
            attempts.add(batch.stream().map(ConsumerRecord::offset).toList());
            failuresSeen.add(loop.failure());
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("Connection refused (the database is down)");
            }
        }, gathering, Duration.ofMillis(5), Duration.ofMillis(20));
        thread = new Thread(loop);
        thread.start();
    }

    private void publish(long... offsets) {
        kafka.schedulePollTask(() -> {
            for (long offset : offsets) {
                kafka.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, "SNOW", "{\"offset\":" + offset + "}"));
            }
        });
    }

    private long committed() {
        var offsets = kafka.committed(Set.of(PARTITION));
        return offsets.get(PARTITION) == null ? -1 : offsets.get(PARTITION).offset();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join(10_000);
        }
    }

    /**
     * A held record must not keep the fetch response it came in alive: as the consumer parses a response, a record's
     * headers are views of the response's bytes until they are read. Once held, the record's headers are its own:
     * the response's bytes can be overwritten (or collected) without changing them.
     */
    @Test
    void aHeldRecordKeepsNoViewOfTheResponseItCameIn() {
        MemoryRecords response = response();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        BatchConsumer.hold(new ConsumerRecords<>(Map.of(PARTITION, List.of(parsedFrom(response, 0)))), batch);
        Arrays.fill(response.buffer().array(), (byte) 0);
        assertEquals("metrics-service", source(batch.get(0)));
    }

    /** Every record a writer's batch gathers, by each of its polls, is held so. */
    @Test
    void theBatchAWriterHandlesKeepsNoViewOfItsResponses() {
        MemoryRecords response = response();
        List<String> sources = new CopyOnWriteArrayList<>();
        gathering = new BatchConsumer.Gathering(Duration.ofMillis(200), 10, batch -> batch);
        assign();
        kafka.schedulePollTask(() -> kafka.addRecord(parsedFrom(response, 0)));
        kafka.schedulePollTask(() -> kafka.addRecord(parsedFrom(response, 1))); // gathered into the same batch
        loop = new BatchConsumer("companies", kafka, List.of(TOPIC), batch -> {
            Arrays.fill(response.buffer().array(), (byte) 0);
            batch.forEach(record -> sources.add(source(record)));
        }, gathering, Duration.ofMillis(5), Duration.ofMillis(20));
        thread = new Thread(loop);
        thread.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> committed() == 2);
        assertEquals(List.of("metrics-service", "metrics-service"), sources);
    }

    /** A response of two records with a header each, and a megabyte more (other partitions' records). */
    private static MemoryRecords response() {
        Header[] headers = {new RecordHeader("ce_source", "metrics-service".getBytes(StandardCharsets.UTF_8))};
        return MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord(0L, "SNOW".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), headers),
                new SimpleRecord(0L, "SNOW".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), headers),
                new SimpleRecord(0L, null, new byte[1 << 20]));
    }

    /** The response's record at {@code offset} as the consumer hands it over: its headers parsed as views. */
    private static ConsumerRecord<String, String> parsedFrom(MemoryRecords response, int offset) {
        Record parsed = StreamSupport.stream(response.records().spliterator(), false).skip(offset).findFirst().orElseThrow();
        return new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, 4, 2, "SNOW", "{}",
                new RecordHeaders(parsed.headers()), Optional.empty());
    }

    private static String source(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8);
    }

    @Test
    void commitsPastATransactionMarkerSoTheGroupReachesTheEndOfTheTopic() {
        start();
        publish(0, 1, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> committed() == 3);

        // Offset 3 is the marker that committed the producer's transaction: the fetch skips it, moving the position.
        kafka.schedulePollTask(() -> kafka.seek(PARTITION, 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> committed() == 4);
        assertEquals(List.of(List.of(0L, 1L, 2L)), attempts, "nothing stored twice, nothing more to store");

        publish(4, 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> committed() == 6);
    }

    @Test
    void retriesTheSameBatchUntilItIsStoredThenCommitsItAndCarriesOn() {
        failuresLeft.set(3);
        start();
        publish(0, 1, 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> committed() == 3);
        assertEquals(List.of(List.of(0L, 1L, 2L), List.of(0L, 1L, 2L), List.of(0L, 1L, 2L), List.of(0L, 1L, 2L)), attempts,
                "three failed attempts, then the same batch stored");
        assertNull(failuresSeen.get(0), "healthy before the first failure");
        assertNotNull(failuresSeen.get(1), "retrying shows as a failure (the writers' check DOWN)");
        assertEquals(3, failuresSeen.get(3).attempts());
        await().atMost(Duration.ofSeconds(10)).until(() -> loop.failure() == null);
        assertEquals(Set.of(), kafka.paused(), "consuming again");

        publish(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> committed() == 4);
        assertEquals(List.of(3L), attempts.get(attempts.size() - 1));
    }

    @Test
    void nothingIsCommittedWhileTheBatchCannotBeStored() {
        failuresLeft.set(Integer.MAX_VALUE);
        start();
        publish(0, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.size() >= 5);
        assertEquals(-1, committed());
        assertNotNull(loop.failure());
        List<List<Long>> distinct = new ArrayList<>(attempts.stream().distinct().toList());
        assertEquals(List.of(List.of(0L, 1L)), distinct, "always the same batch, nothing skipped");
    }

    @Test
    void aBatchGathersPollsUntilItHoldsEnoughRecords() {
        gathering = new BatchConsumer.Gathering(Duration.ofSeconds(20), 3, batch -> batch);
        assign();
        publish(0, 1);
        publish(2);
        publish(3);
        launch();
        await().atMost(Duration.ofSeconds(10)).until(() -> committed() >= 3);
        assertEquals(List.of(0L, 1L, 2L), attempts.get(0), "two polls, one batch, ended by its size well before the linger");
    }

    @Test
    void aQuietPollEndsTheBatch() {
        gathering = new BatchConsumer.Gathering(Duration.ofSeconds(20), 1000, batch -> batch);
        start();
        publish(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> committed() == 1);
        publish(1, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> committed() == 3);
        assertEquals(List.of(List.of(0L), List.of(1L, 2L)), attempts, "each batch ended by a poll that brought nothing");
    }

    @Test
    void aBatchThatIsNeverQuietNorFullEndsAfterTheLinger() {
        AtomicInteger polls = new AtomicInteger();
        kafka = new MockConsumer<>("earliest") {
            @Override
            public synchronized org.apache.kafka.clients.consumer.ConsumerRecords<String, String> poll(Duration timeout) {
                // A record 10 ms apart, as long as the test runs: the topic is never quiet.
                if (!assignment().isEmpty()) {
                    sleepQuietly(10);
                    addRecord(new ConsumerRecord<>(TOPIC, 0, polls.getAndIncrement(), "SNOW", "{}"));
                }
                return super.poll(timeout);
            }
        };
        gathering = new BatchConsumer.Gathering(Duration.ofMillis(300), 1000, batch -> batch);
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() >= 2);
        int first = attempts.get(0).size();
        assertTrue(first > 1 && first < 1000, "gathered, then ended by the linger: " + first + " records");
    }

    @Test
    void aBatchIsCompactedAsItIsGathered() {
        // Keeps the last record of each key: the batch holds what its handler needs of it.
        gathering = new BatchConsumer.Gathering(Duration.ofSeconds(20), 2, batch -> List.copyOf(batch.stream()
                .collect(java.util.stream.Collectors.toMap(ConsumerRecord::key, record -> record, (a, b) -> b,
                        java.util.LinkedHashMap::new)).values()));
        assign();
        publish(0, 1);
        publish(2);
        launch();
        await().atMost(Duration.ofSeconds(10)).until(() -> committed() == 3);
        assertEquals(List.of(2L), attempts.get(0), "three records of one key in two polls, one kept");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
