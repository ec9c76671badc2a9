package io.saasreport.report.meters;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.saasreport.report.domain.GrowthBucket;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.domain.UniverseStatistics.BucketStatistics;
import io.saasreport.report.service.CompanySnapshots;
import io.saasreport.report.service.UniverseSnapshots;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.UniverseEntry;

/**
 * The report's meters. The universe gauges show this instance's view (every instance holds every figure); the history
 * gauges re-read the database on a schedule, as only one instance writes each partition yet all should show the same.
 */
@ApplicationScoped
public class ReportMeters {

    private static final Logger LOG = Logger.getLogger(ReportMeters.class);

    private final MeterRegistry registry;
    private final UniverseSnapshots universe;
    private final ReportView view;
    private final CompanySnapshots companies;
    private final AtomicReference<UniverseStatistics> latestUniverse = new AtomicReference<>();
    private final AtomicLong universeHistoryRows = new AtomicLong();
    private final AtomicLong companyHistoryRows = new AtomicLong();

    ReportMeters(MeterRegistry registry, UniverseSnapshots universe, CompanySnapshots companies, ReportView view) {
        this.registry = registry;
        this.universe = universe;
        this.view = view;
        this.companies = companies;
        registerGauges();
    }

    /** Counts one snapshot answered by the REST API. */
    public void snapshotServed(String endpoint) {
        Counter.builder("report.snapshots.served")
                .description("Snapshots answered by the REST API")
                .tag("endpoint", endpoint)
                .register(registry)
                .increment();
    }

    private void registerGauges() {
        Gauge.builder("report.history.rows", universeHistoryRows, AtomicLong::get)
                .description("Rows in a history table").tag("series", "universe").register(registry);
        Gauge.builder("report.history.rows", companyHistoryRows, AtomicLong::get)
                .description("Rows in a history table").tag("series", "company").register(registry);
        universeGauge("saas.universe.companies", "Companies with a known EV / NTM revenue",
                statistics -> statistics.companyCount());
        universeGauge("saas.universe.median.ev.to.ntm.revenue", "Median EV / NTM revenue of the universe",
                UniverseStatistics::medianEvToNtmRevenue);
        for (GrowthBucket bucket : GrowthBucket.values()) {
            Gauge.builder("saas.universe.bucket.companies", latestUniverse, bucketCount(bucket))
                    .description("Companies in an NTM growth bucket").tag("bucket", bucket.apiName())
                    .register(registry);
        }
    }

    private void universeGauge(String name, String description, Function<UniverseStatistics, Number> figure) {
        Gauge.builder(name, latestUniverse, holder -> orNaN(Optional.ofNullable(holder.get()).map(figure)))
                .description(description).register(registry);
    }

    private static ToDoubleFunction<AtomicReference<UniverseStatistics>> bucketCount(GrowthBucket bucket) {
        return holder -> orNaN(Optional.ofNullable(holder.get())
                .map(UniverseStatistics::buckets)
                .map(buckets -> switch (bucket) {
                    case HIGH -> buckets.high();
                    case MID -> buckets.mid();
                    case LOW -> buckets.low();
                })
                .map(BucketStatistics::count));
    }

    /** Unknown figures show as NaN, Prometheus's "no value", never as a misleading 0. */
    private static double orNaN(Optional<? extends Number> figure) {
        return figure.map(Number::doubleValue).orElse(Double.NaN);
    }

    void refreshAtStartup(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "${report.meters.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            latestUniverse.set(view.current().universe().map(UniverseEntry::statistics).orElse(null));
            universeHistoryRows.set(universe.historyRows());
            companyHistoryRows.set(companies.historyRows());
        } catch (RuntimeException e) {
            // The database being away shows in readiness; the gauges keep their last values meanwhile.
            LOG.warnf("Cannot refresh the report gauges: %s", e.getMessage());
        }
    }
}
