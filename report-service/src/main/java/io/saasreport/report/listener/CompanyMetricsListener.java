package io.saasreport.report.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.saasreport.report.service.CompanySnapshots;

/** Keeps each company's latest metrics ({@code metrics.company}, keyed by ticker) in the database. */
@ApplicationScoped
public class CompanyMetricsListener {

    /** Bound to the {@code metrics.company} topic in application.properties. */
    public static final String CHANNEL = "company-metrics";

    private final CompanySnapshots snapshots;

    CompanyMetricsListener(CompanySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void onCompanyMetrics(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            snapshots.remove(record.key());
        } else {
            snapshots.store(record.value());
        }
    }
}
