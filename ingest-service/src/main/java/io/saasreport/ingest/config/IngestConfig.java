package io.saasreport.ingest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings ({@code ingest.*}), each with its default here; a value out of range stops the start
 * (Hibernate Validator checks the mapping when the application starts).
 */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /**
     * SHA-256 digests (hex) of the bearer keys allowed to write ({@code INGEST_API_KEY_DIGESTS}, comma-separated);
     * the keys themselves are never configured. No default on purpose: with no digest here or in {@link #apiKeyFile()}
     * the service refuses to start (see {@code ApiKeys}); dev and test profiles set their own.
     */
    Optional<List<String>> apiKeyDigests();

    /**
     * A file of key digests, one per line ({@code #} comments), e.g. a mounted Kubernetes Secret
     * ({@code INGEST_API_KEY_FILE}). Read again whenever it changes: keys rotate without a restart.
     */
    Optional<Path> apiKeyFile();

    /** Largest request body accepted; a larger one is refused with 413 while being read, and nothing is published. */
    @WithDefault("10485760")
    @Positive
    long maxBodyBytes();

    /**
     * Most events (or file rows) one request may hold; more are refused with 413 before any is checked. A daily price
     * history since 1990 has about 9,300 rows.
     */
    @WithDefault("20000")
    @Positive
    int maxEventsPerRequest();

    /** How far past the present an event's time may lie (clock skew, a close later today); later is refused. */
    @WithDefault("24h")
    @DurationMin(millis = 0)
    Duration futureTolerance();

    /** No event time before this day (UTC) is taken: such a date is a typo or a zero epoch, not data. */
    @WithDefault("1990-01-01")
    LocalDate earliestDate();

    /** How long a request waits for Kafka to acknowledge its events before answering 503. */
    @WithDefault("15s")
    @DurationMin(millis = 1)
    Duration publishTimeout();
}
