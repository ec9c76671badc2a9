package io.saasreport.ingest.importer.sec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/** An SEC EDGAR XBRL {@code companyfacts} document: {@code facts.<taxonomy>.<concept>.units.<unit>[]}. */
final class CompanyFacts {

    static final String US_GAAP = "us-gaap";
    static final String DEI = "dei";
    static final String USD = "USD";
    static final String SHARES = "shares";

    private final JsonNode facts;

    private CompanyFacts(JsonNode facts) {
        this.facts = facts;
    }

    static CompanyFacts of(JsonNode document) {
        JsonNode facts = document.path("facts");
        if (!facts.isObject()) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED,
                    "Not an SEC companyfacts document: it has no 'facts' object", EventType.FILING.wireName());
        }
        return new CompanyFacts(facts);
    }

    /** The values of one concept in one unit; entries lacking an end, a value or a filing date are left out. */
    List<SecFact> facts(String taxonomy, String concept, String unit) {
        List<SecFact> found = new ArrayList<>();
        for (JsonNode entry : facts.path(taxonomy).path(concept).path("units").path(unit)) {
            SecFact fact = parse(entry);
            if (fact != null) {
                found.add(fact);
            }
        }
        return found;
    }

    /** Every duration value in USD of the taxonomy, whatever the concept (to find the fiscal year end). */
    List<SecFact> allDurations(String taxonomy) {
        List<SecFact> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> concepts = facts.path(taxonomy).fields(); concepts.hasNext();) {
            for (JsonNode entry : concepts.next().getValue().path("units").path(USD)) {
                SecFact fact = parse(entry);
                if (fact != null && fact.isDuration()) {
                    found.add(fact);
                }
            }
        }
        return found;
    }

    private static SecFact parse(JsonNode entry) {
        JsonNode value = entry.path("val");
        if (!value.isNumber()) {
            return null;
        }
        try {
            LocalDate end = LocalDate.parse(entry.path("end").asText());
            LocalDate filed = LocalDate.parse(entry.path("filed").asText());
            LocalDate start = entry.hasNonNull("start") ? LocalDate.parse(entry.get("start").asText()) : null;
            BigDecimal decimal = value.decimalValue();
            return new SecFact(start, end, decimal, filed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
