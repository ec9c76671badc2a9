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

    Editions editions();

    interface Editions {

        /**
         * How long this week's edition, provisional until Friday's close, is served as built while the stored universe
         * history gains points: under live prices it gains one every few hundred milliseconds, and building an edition
         * of 2,000 companies takes a second of CPU. A closed week's edition is exact whatever this says.
         */
        @WithDefault("PT10S")
        @DurationMin(millis = 0)
        Duration provisionalRefresh();
    }

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

    /**
     * How long the history keeps each resolution, back from each series' newest point (HistoryRetention); weekly
     * closes are kept forever. Each must be at least as long as the one before (checked when the service starts).
     */
    interface History {

        /** The last point of each minute is kept this long. */
        @WithDefault("P1D")
        @DurationMin(millis = 0)
        Duration minutesKept();

        /** The last point of each hour is kept this long. */
        @WithDefault("P31D")
        @DurationMin(millis = 0)
        Duration hoursKept();

        /** The last point of each day is kept this long. */
        @WithDefault("P365D")
        @DurationMin(millis = 0)
        Duration daysKept();
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

        /** The most records one poll returns. */
        @WithDefault("2000")
        @Positive
        int maxPollRecords();

        /**
         * The most records one batch (one transaction) of a writer holds, once the records superseded within it are
         * dropped: a batch of company figures holds at most a record per company and minute, each about 4.5 KB, so it
         * stops growing at the number of companies, unless the universe is larger than this.
         */
        @WithDefault("10000")
        @Positive
        int writerBatchRecords();

        /**
         * How long a writer gathers polls into one batch after its first record (a poll that brings nothing for 0.3 s
         * ends it sooner). The history keeps a company's last figures of each minute, and records superseded within
         * the batch are dropped unread as it grows: a company ticking every 400 ms is read and stored about once a
         * second instead of at each record, which at 5,000 ticks/s took more of the machine than the metrics service
         * (docs/performance.md). The database is that much behind the view, which does not wait.
         */
        @WithDefault("PT1S")
        Duration writerLinger();

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

        /**
         * How often the event stream looks for changes: at most one event of each kind per interval. Short enough that
         * a committed figure reaches a browser within tens of milliseconds of the view (comparing an unchanged view
         * is one reference check).
         */
        @WithDefault("PT0.02S")
        @DurationMin(millis = 1)
        Duration interval();

        /** The most event streams this instance keeps open; one more is refused with 503 and Retry-After. */
        @WithDefault("500")
        @Positive
        int maxConnections();

        /**
         * How long a client may leave its events untaken (its connection's send buffer full) before its stream is
         * closed, so that it holds neither memory nor an old state of the view.
         */
        @WithDefault("PT30S")
        @DurationMin(millis = 1)
        Duration stallTimeout();
    }
}
