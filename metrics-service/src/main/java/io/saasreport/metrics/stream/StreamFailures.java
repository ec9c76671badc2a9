package io.saasreport.metrics.stream;

import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.errors.TaskMigratedException;

/**
 * Tells an error a new stream thread recovers from (the broker away or slow, a transaction fenced or aborted: the
 * state is restored from the changelogs and the uncommitted input is read again) from one it would only hit again (a
 * bug, a record the dead-letter path did not catch, missing rights).
 */
public final class StreamFailures {

    private StreamFailures() {
    }

    /**
     * True when some cause is a Kafka error that goes away with the broker coming back or a new producer: Kafka
     * Streams wraps the client's error (e.g. "Cannot execute transactional method because we are in an error state"
     * over a TimeoutException), so the whole chain is searched. Rights missing are never recoverable.
     */
    public static boolean recoverable(Throwable failure) {
        boolean recoverable = false;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                return false;
            }
            recoverable |= cause instanceof RetriableException // TimeoutException, unknown topic, not leader, network
                    || cause instanceof ProducerFencedException
                    || cause instanceof InvalidProducerEpochException
                    || cause instanceof InvalidPidMappingException
                    || cause instanceof TransactionAbortedException
                    || cause instanceof TaskMigratedException
                    || cause instanceof TaskCorruptedException
                    // A store closed under a task whose commit timed out: a new thread opens its stores afresh (the
                    // state updater died of it after a 3-minute outage, and the default answer shut the client down).
                    || cause instanceof InvalidStateStoreException
                    // The group leader saw no metadata for an input topic during a rebalance (a broker just back):
                    // the topics exist before the service starts (the stack and the Kubernetes job create them).
                    || cause instanceof MissingSourceTopicException;
        }
        return recoverable;
    }

    /** The innermost cause, named with its message: what the log line and the health data say. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, true) == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
