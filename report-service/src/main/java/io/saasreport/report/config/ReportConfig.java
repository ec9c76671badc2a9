package io.saasreport.report.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The report service's own settings ({@code report.*}), each default here (the topics, with no default, are set in
 * application.properties); a value out of range stops the start (Hibernate Validator checks the mapping then).
 */
@ConfigMapping(prefix = "report")
public interface ReportConfig {

    History history();

    Meters meters();

    Kafka kafka();

    Stream stream();

    Alerts alerts();

    Feeds feeds();

    /** Where the dashboard's "Sources" panel learns when each of the ingest service's feeds last updated. */
    interface Feeds {

        /** The ingest service's {@code GET /api/v1/feeds} ({@code REPORT_FEEDS_URL}); unset, the panel says so. */
        Optional<URI> url();

        /** How long one look at it may take. */
        @WithDefault("PT2S")
        @DurationMin(millis = 1)
        Duration timeout();
    }

    interface Alerts {

        /** The newest alerts held in memory for the API and the event stream (all are stored in PostgreSQL). */
        @WithDefault("1000")
        @Positive
        int kept();
    }

    interface History {

        /** Every history point younger than this is kept. */
        @WithDefault("P1D")
        @DurationMin(millis = 0)
        Duration keepEverything();

        /**
         * Up to this age, the last point of each hour is kept; older, the last point of each day. Not shorter than
         * {@link #keepEverything()} (HistoryThinning refuses it when HistoryThinner starts).
         */
        @WithDefault("P7D")
        Duration keepHourly();

        /**
         * How often the history tables are thinned: a scheduler interval such as {@code 10m}, or {@code off}. Set in
         * application.properties (10m), where HistoryThinner's {@code @Scheduled} expression reads it too.
         */
        @NotBlank
        String thinningInterval();
    }

    interface Meters {

        /**
         * How often the gauges re-read the database (every replica shows the same figures). Set in
         * application.properties (5s), where ReportMeters' {@code @Scheduled} expression reads it too.
         */
        @NotBlank
        String refreshInterval();
    }

    interface Kafka {

        /** The consumer group shared by every instance's writers (and whose offsets each view starts from). */
        @WithDefault("report-service")
        @NotBlank
        String group();

        Channel company();

        Channel universe();

        Channel filings();

        /** The universes' alerts (metrics.alerts). */
        Channel alerts();

        /** The most records one batch (one transaction) takes. */
        @WithDefault("2000")
        @Positive
        int maxPollRecords();

        Retry retry();
    }

    interface Channel {

        @NotBlank
        String topic();

        /** Where records that can never be stored go, with the reason in a header. */
        @NotBlank
        String deadLetterTopic();
    }

    interface Retry {

        /** The first wait after a batch could not be stored; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        @DurationMin(millis = 1)
        Duration initialBackoff();

        @WithDefault("PT10S")
        @DurationMin(millis = 1)
        Duration maxBackoff();
    }

    interface Stream {

        /** How often the event stream looks for changes: at most one event of each kind per interval. */
        @WithDefault("PT0.25S")
        @DurationMin(millis = 1)
        Duration interval();
    }
}
