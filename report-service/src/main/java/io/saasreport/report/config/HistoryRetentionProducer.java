package io.saasreport.report.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.saasreport.report.domain.HistoryRetention;

/** The history's retention from the settings; durations out of order stop the start (HistoryRetention refuses them). */
@ApplicationScoped
public class HistoryRetentionProducer {

    @Produces
    @Singleton
    HistoryRetention retention(ReportConfig config) {
        ReportConfig.History history = config.history();
        return new HistoryRetention(history.minutesKept(), history.hoursKept(), history.daysKept());
    }
}
