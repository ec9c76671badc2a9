package io.saasreport.report.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.saasreport.report.service.Filings;

/** Keeps every company's filed quarters ({@code company.filings}) for the quarterly-reports view. */
@ApplicationScoped
public class FilingListener {

    /** Bound to the {@code company.filings} topic in application.properties. */
    public static final String CHANNEL = "filings";

    private final Filings filings;

    FilingListener(Filings filings) {
        this.filings = filings;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void onFiling(String payload) {
        filings.store(payload);
    }
}
