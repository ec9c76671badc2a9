package io.saasreport.ingest.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.ingest.config.IngestConfig;
import io.saasreport.ingest.domain.Correction;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Publishes a correction on the topic of what it corrects (key: the ticker, so it is applied in order with the
 * company's other events) and answers once Kafka acknowledged it, as {@link EventPublisher} does for events. One
 * record per request: there is nothing to send later if it fails.
 */
@ApplicationScoped
public class CorrectionPublisher {

    static final String PRICE_CORRECTED_TYPE = "io.saasreport.price.corrected";
    static final String FILING_WITHDRAWN_TYPE = "io.saasreport.filing.withdrawn";
    static final String COMPANY_REMOVED_TYPE = "io.saasreport.company.removed";
    private static final Logger LOG = Logger.getLogger(CorrectionPublisher.class);

    @Inject
    @Channel(Channels.PRICE_CORRECTIONS)
    MutinyEmitter<Record<String, String>> prices;

    @Inject
    @Channel(Channels.FILING_CORRECTIONS)
    MutinyEmitter<Record<String, String>> filings;

    @Inject
    ObjectMapper mapper;

    @Inject
    IngestConfig config;

    @Inject
    IngestMeters meters;

    public void publish(Correction correction) {
        String value;
        try {
            value = mapper.writeValueAsString(correction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the correction of " + correction.ticker(), e);
        }
        MutinyEmitter<Record<String, String>> emitter = correction.onPrices() ? prices : filings;
        try {
            emitter.sendMessage(Message.of(Record.of(correction.ticker(), value),
                            OutgoingRecord.metadata(correction.ticker(), cloudEventType(correction), null, OutgoingRecord.now())))
                    .await().atMost(config.publishTimeout());
        } catch (RuntimeException failure) {
            LOG.warnf(failure, "Kafka did not acknowledge the %s of %s", correction.type(), correction.ticker());
            throw new RejectedRequestException(RejectionReason.KAFKA_UNAVAILABLE,
                    "Kafka did not acknowledge the " + correction.type() + " of '" + correction.ticker()
                            + "'; sending the request again is safe",
                    List.of(), Map.of(Correction.TYPE_TAG, 1), failure);
        }
        meters.accepted(Map.of(Correction.TYPE_TAG, 1));
    }

    private static String cloudEventType(Correction correction) {
        return switch (correction.type()) {
            case Correction.PRICE_CORRECTION -> PRICE_CORRECTED_TYPE;
            case Correction.FILING_WITHDRAWAL -> FILING_WITHDRAWN_TYPE;
            default -> COMPANY_REMOVED_TYPE;
        };
    }
}
