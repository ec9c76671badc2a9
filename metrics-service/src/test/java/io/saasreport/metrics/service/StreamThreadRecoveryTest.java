package io.saasreport.metrics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The handler's answers, its meters and what it leaves for the health checks. */
class StreamThreadRecoveryTest {

    @Test
    void replacesTheThreadForARecoverableErrorAndShutsDownForAFatalOne() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamThreadRecovery recovery = new StreamThreadRecovery(registry);

        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD,
                recovery.handle(new StreamsException(new TimeoutException("broker away"))));
        assertTrue(recovery.lastFailure().replaced());
        assertEquals("TimeoutException: broker away", recovery.lastFailure().cause());

        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
                recovery.handle(new StreamsException(new NullPointerException("a bug"))));
        assertFalse(recovery.lastFailure().replaced());
        assertEquals("NullPointerException: a bug", recovery.lastFailure().cause());

        assertEquals(1.0, registry.get("metrics.stream.threads.replaced").counter().count());
        assertEquals(1.0, registry.get("metrics.stream.failures.fatal").counter().count());
    }
}
