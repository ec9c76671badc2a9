package io.saasreport.report.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The report service's own settings ({@code report.*}). */
@ConfigMapping(prefix = "report")
public interface ReportConfig {

    History history();

    Meters meters();

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
}
