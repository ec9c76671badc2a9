package io.saasreport.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings ({@code ingest.*}). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /**
     * Bearer keys allowed to write ({@code INGEST_API_KEYS}, comma-separated). No default on purpose: the
     * service refuses to start without one (see {@code ApiKeys}); dev and test profiles set their own.
     */
    Optional<List<String>> apiKeys();

    /** Largest request body accepted; a larger one is refused with 400 and nothing is published. */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** How long a request waits for Kafka to acknowledge its events before answering 503. */
    @WithDefault("15s")
    Duration publishTimeout();
}
