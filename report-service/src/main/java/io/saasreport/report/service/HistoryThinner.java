package io.saasreport.report.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.saasreport.report.config.ReportConfig;
import io.saasreport.report.domain.CompanyHistoryPoint;
import io.saasreport.report.domain.HistoryPointTime;
import io.saasreport.report.domain.HistoryThinning;
import io.saasreport.report.domain.UniverseHistoryPoint;

/**
 * Applies {@link HistoryThinning} to the stored histories on a schedule rather than on every insert: a point only
 * becomes discardable as it ages, and one pass over the (small, bounded) series every few minutes costs far less
 * than re-reading a series on every consumed record.
 */
// Created at start, so that history settings HistoryThinning refuses (hourly shorter than everything) stop the start.
@Startup
@ApplicationScoped
public class HistoryThinner {

    private static final Logger LOG = Logger.getLogger(HistoryThinner.class);
    /** Keeps each DELETE's IN list short. */
    private static final int DELETE_BATCH = 500;

    private final HistoryThinning thinning;
    private final Clock clock;

    HistoryThinner(ReportConfig config, Clock clock) {
        this.thinning = new HistoryThinning(config.history().keepEverything(), config.history().keepHourly());
        this.clock = clock;
    }

    @Scheduled(every = "${report.history.thinning-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void thinOnSchedule() {
        int discarded = thin(clock.instant());
        if (discarded > 0) {
            LOG.infof("Thinned the history: %d points discarded", discarded);
        }
    }

    /** Thins each universe's and each company's history as of {@code now}; returns how many points went. */
    @Transactional
    public int thin(Instant now) {
        int discarded = 0;
        for (String universe : UniverseHistoryPoint.universes()) {
            discarded += discard(UniverseHistoryPoint.times(universe), now,
                    ids -> UniverseHistoryPoint.delete("id in ?1", ids));
        }
        for (String ticker : CompanyHistoryPoint.tickers()) {
            discarded += discard(CompanyHistoryPoint.times(ticker), now, ids -> CompanyHistoryPoint.delete("id in ?1", ids));
        }
        return discarded;
    }

    private int discard(List<HistoryPointTime> series, Instant now, Consumer<List<Long>> deleteByIds) {
        List<Long> ids = thinning.discardable(series, HistoryPointTime::asOf, now).stream().map(HistoryPointTime::id).toList();
        for (int start = 0; start < ids.size(); start += DELETE_BATCH) {
            deleteByIds.accept(ids.subList(start, Math.min(ids.size(), start + DELETE_BATCH)));
        }
        return ids.size();
    }
}
