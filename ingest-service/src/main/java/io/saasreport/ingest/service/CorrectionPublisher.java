package io.saasreport.ingest.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.ingest.domain.Correction;

/**
 * Publishes a correction on the topic of what it corrects (key: the ticker, so it is applied in order with the
 * company's other events) and answers once Kafka acknowledged it, as {@link EventPublisher} does for events.
 */
@ApplicationScoped
public class CorrectionPublisher {

    static final String PRICE_CORRECTED_TYPE = "io.saasreport.price.corrected";
    static final String FILING_WITHDRAWN_TYPE = "io.saasreport.filing.withdrawn";
    static final String COMPANY_REMOVED_TYPE = "io.saasreport.company.removed";
    private final RecordSender sender;

    CorrectionPublisher(RecordSender sender) {
        this.sender = sender;
    }

    public void publish(Correction correction) {
        sender.publish(List.of(new OutgoingRecord(correction.topic(), correction.ticker(), sender.json(correction),
                cloudEventType(correction), null)), "the " + correction.type() + " of '" + correction.ticker() + "'",
                Map.of(Correction.TYPE_TAG, 1));
    }

    private static String cloudEventType(Correction correction) {
        return switch (correction.type()) {
            case Correction.PRICE_CORRECTION -> PRICE_CORRECTED_TYPE;
            case Correction.FILING_WITHDRAWAL -> FILING_WITHDRAWN_TYPE;
            default -> COMPANY_REMOVED_TYPE;
        };
    }
}
