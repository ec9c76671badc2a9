package io.saasreport.metrics.stream;

import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.TaskAssignmentException;
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
            // Kafka's own categories: retriable (timeouts, unknown topic, not leader, network), recoverable by new
            // clients (fenced producer, stale epoch or pid, member or generation gone), or an abortable transaction.
            recoverable |= cause instanceof RetriableException
                    || cause instanceof ApplicationRecoverableException
                    || cause instanceof TransactionAbortableException
                    || cause instanceof TransactionAbortedException
                    || cause instanceof TaskMigratedException
                    || cause instanceof TaskCorruptedException
                    // A store closed under a revived task: a new thread opens its stores afresh.
                    || cause instanceof InvalidStateStoreException
                    // The group leader could not assign (an input topic without metadata, a broker just back): the
                    // topics exist before the service starts, and the next rebalance assigns again.
                    || cause instanceof MissingSourceTopicException
                    || cause instanceof TaskAssignmentException;
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
