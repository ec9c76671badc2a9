package io.saasreport.report.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The report service's own settings ({@code report.*}). */
@ConfigMapping(prefix = "report")
public interface ReportConfig {

    History history();

    Meters meters();

    Kafka kafka();

    Stream stream();

    Alerts alerts();

    interface Alerts {

        /** The newest alerts held in memory for the API and the event stream (all are stored in PostgreSQL). */
        @WithDefault("1000")
        int kept();
    }

    interface History {

        /** Every history point younger than this is kept. */
        @WithDefault("P1D")
        Duration keepEverything();

        /** Up to this age, the last point of each hour is kept; older, the last point of each day. */
        @WithDefault("P7D")
        Duration keepHourly();

        /** How often the history tables are thinned (a scheduler interval such as {@code 10m}). */
        @WithDefault("10m")
        String thinningInterval();
    }

    interface Meters {

        /** How often the gauges re-read the database (every replica shows the same figures). */
        @WithDefault("5s")
        String refreshInterval();
    }

    interface Kafka {

        /** The consumer group shared by every instance's writers (and whose offsets each view starts from). */
        @WithDefault("report-service")
        String group();

        Channel company();

        Channel universe();

        Channel filings();

        /** The universes' alerts (metrics.alerts). */
        Channel alerts();

        /** The most records one batch (one transaction) takes. */
        @WithDefault("2000")
        int maxPollRecords();

        Retry retry();
    }

    interface Channel {

        String topic();

        /** Where records that can never be stored go, with the reason in a header. */
        String deadLetterTopic();
    }

    interface Retry {

        /** The first wait after a batch could not be stored; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();
    }

    interface Stream {

        /** How often the event stream looks for changes: at most one event of each kind per interval. */
        @WithDefault("PT0.25S")
        Duration interval();
    }
}
