package io.saasreport.metrics.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.saasreport.metrics.stream.StreamFailures;

/**
 * What Kafka Streams does with a stream thread that died (the extension installs this bean): a recoverable error
 * ({@link StreamFailures#recoverable}) replaces the thread, which rejoins the group, restores its state and reads the
 * uncommitted input again (exactly-once: its aborted transaction is never seen); any other error shuts the client
 * down, loudly, and liveness goes DOWN. Kafka Streams' own default shuts the client down for both.
 */
@ApplicationScoped
public class StreamThreadRecovery implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(StreamThreadRecovery.class);

    /** The last failure and what was done about it, for the health checks. */
    public record LastFailure(Instant at, boolean replaced, String cause) {
    }

    private final Counter replaced;
    private final Counter fatal;
    private volatile LastFailure last;

    public StreamThreadRecovery(MeterRegistry registry) {
        this.replaced = Counter.builder("metrics.stream.threads.replaced")
                .description("Stream threads that died of a recoverable error (broker away, transaction fenced) and were replaced")
                .register(registry);
        this.fatal = Counter.builder("metrics.stream.failures.fatal")
                .description("Stream errors that shut Kafka Streams down (liveness DOWN)")
                .register(registry);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        String cause = StreamFailures.rootCause(exception);
        if (StreamFailures.recoverable(exception)) {
            last = new LastFailure(Instant.now(), true, cause);
            replaced.increment();
            LOG.warnf(exception, "Stream thread failed with a recoverable error (%s); replacing it: it restores its state "
                    + "and reads the uncommitted input again", cause);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        last = new LastFailure(Instant.now(), false, cause);
        fatal.increment();
        LOG.errorf(exception, "Stream thread failed with an error a new thread would hit again (%s); shutting Kafka Streams "
                + "down: liveness is DOWN, the instance must be restarted once the cause is fixed", cause);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** Null until a stream thread failed. */
    public LastFailure lastFailure() {
        return last;
    }
}
