package io.saasreport.metrics.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;

/**
 * The metrics service's own settings ({@code metrics.*}). Their values are in application.properties, with why
 * (the topic names, the advertised host and the publish interval are read there by the Kafka Streams settings too);
 * a missing or out-of-range value stops the start (Hibernate Validator checks the mapping then).
 */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {

    Topics topic();

    Universe universe();

    Alerts alerts();

    /** This instance's host in Kafka Streams' {@code application.server} ({@code METRICS_ADVERTISED_HOST}). */
    @NotBlank
    String advertisedHost();

    /** The topics read and written. */
    interface Topics {

        @NotBlank
        String prices();

        @NotBlank
        String filings();

        @NotBlank
        String estimates();

        @NotBlank
        String profiles();

        @NotBlank
        String macro();

        @NotBlank
        String company();

        @NotBlank
        String universe();

        @NotBlank
        String definitions();

        @NotBlank
        String alerts();
    }

    interface Universe {

        /** At most one metrics.universe record per universe per interval (PT0.1S). */
        @DurationMin(millis = 1)
        Duration publishInterval();

        /** The universe stage's partitions (3). */
        @Min(1)
        int partitions();
    }

    /** Shares of the day's starting value (0.10, 0.05). */
    interface Alerts {

        @Positive
        double companyMultipleMove();

        @Positive
        double medianMove();
    }
}
