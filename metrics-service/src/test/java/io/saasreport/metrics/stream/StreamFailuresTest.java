package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.TaskAssignmentException;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.junit.jupiter.api.Test;

/** Which stream-thread failures a new thread recovers from, as Kafka Streams hands them to the handler. */
class StreamFailuresTest {

    @Test
    void theFailureOfATwoMinuteFreezeIsRecoverable() {
        // What the metrics service died of: a flush timed out, then the transaction manager refused to go on.
        Throwable failure = new StreamsException(new KafkaException(
                "Cannot execute transactional method because we are in an error state",
                new TimeoutException("Topic metrics-service-company-revisions-changelog not present in metadata after 60000 ms.")));
        assertTrue(StreamFailures.recoverable(failure));
        assertEquals("TimeoutException: Topic metrics-service-company-revisions-changelog not present in metadata after 60000 ms.",
                StreamFailures.rootCause(failure));
    }

    @Test
    void brokerAwayAndFencedTransactionsAreRecoverable() {
        assertTrue(StreamFailures.recoverable(new StreamsException(new UnknownTopicOrPartitionException("gone"))));
        assertTrue(StreamFailures.recoverable(new StreamsException(new ProducerFencedException("fenced"))));
        assertTrue(StreamFailures.recoverable(new TaskMigratedException("migrated")));
        // What the state updater died of once the broker came back after 3 minutes (a store closed by the dirty close).
        assertTrue(StreamFailures.recoverable(new StreamsException(
                new InvalidStateStoreException("Store company-changed is currently closed."))));
        assertTrue(StreamFailures.recoverable(new StreamsException(new InvalidProducerEpochException("stale epoch"))));
        assertTrue(StreamFailures.recoverable(new StreamsException("Error encountered trying to commit a transaction",
                new TransactionAbortableException("the coordinator aborted the transaction"))));
        assertTrue(StreamFailures.recoverable(new StreamsException(new UnknownMemberIdException("evicted while away"))));
    }

    @Test
    void aRebalanceTheLeaderCouldNotAssignIsRecoverable() {
        // What every member throws when the leader saw no metadata for an input topic (a broker just back) or could
        // not compute the assignment: the next rebalance assigns again.
        assertTrue(StreamFailures.recoverable(new MissingSourceTopicException("One or more source topics were missing during rebalance")));
        assertTrue(StreamFailures.recoverable(new TaskAssignmentException("Hit an unexpected exception during task assignment phase of rebalance")));
    }

    @Test
    void bugsPoisonAndMissingRightsAreFatal() {
        assertFalse(StreamFailures.recoverable(new StreamsException(new NullPointerException("a bug"))));
        assertFalse(StreamFailures.recoverable(new StreamsException(new SerializationException("a corrupt record"))));
        assertFalse(StreamFailures.recoverable(new StreamsException(new IllegalStateException("a broken invariant"))));
        // Missing rights stay missing, even when a timeout is in the chain too.
        assertFalse(StreamFailures.recoverable(new StreamsException(new TimeoutException("t",
                new TopicAuthorizationException("metrics may not write metrics.company")))));
    }

    @Test
    void aCauseCycleEnds() {
        KafkaException first = new KafkaException("first");
        KafkaException second = new KafkaException("second", first);
        first.initCause(second);
        assertFalse(StreamFailures.recoverable(first));
        assertEquals("KafkaException: first", StreamFailures.rootCause(first));
    }
}
