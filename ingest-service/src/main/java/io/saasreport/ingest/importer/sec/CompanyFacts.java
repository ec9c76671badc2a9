package io.saasreport.ingest.importer.sec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.Figures;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.domain.TimeWindow;

/** An SEC EDGAR XBRL {@code companyfacts} document: {@code facts.<taxonomy>.<concept>.units.<unit>[]}. */
final class CompanyFacts {

    static final String US_GAAP = "us-gaap";
    static final String DEI = "dei";
    static final String USD = "USD";
    static final String SHARES = "shares";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A hostile document could hold a million bad values: the answer names the first ones. */
    static final int MAX_ERRORS = 100;

    private final JsonNode facts;

    private CompanyFacts(JsonNode facts) {
        this.facts = facts;
    }

    /** The document's facts, each value a figure and each date in {@code window}, or the document is refused. */
    static CompanyFacts of(JsonNode document, TimeWindow window) {
        JsonNode facts = document.path("facts");
        if (!facts.isObject()) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED,
                    "Not an SEC companyfacts document: it has no 'facts' object", EventType.FILING.wireName());
        }
        List<EventError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> taxonomy : facts.properties()) {
            for (Map.Entry<String, JsonNode> concept : taxonomy.getValue().properties()) {
                for (Map.Entry<String, JsonNode> unit : concept.getValue().path("units").properties()) {
                    String path = "facts." + taxonomy.getKey() + "." + concept.getKey() + ".units." + unit.getKey();
                    for (int i = 0; i < unit.getValue().size() && errors.size() < MAX_ERRORS; i++) {
                        errors.addAll(problems(unit.getValue().get(i), path, i, window));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw RejectedRequestException.invalid(errors, Map.of(EventType.FILING.wireName(), 1));
        }
        return new CompanyFacts(facts);
    }

    /**
     * What can never be right in one reported value (entry {@code i} of the unit at {@code path}): a number no figure
     * can be, a date out of the window. Entries without a number are never read, so not checked either.
     */
    private static List<EventError> problems(JsonNode entry, String path, int i, TimeWindow window) {
        JsonNode value = entry.path("val");
        if (!value.isNumber()) {
            return List.of();
        }
        List<EventError> problems = new ArrayList<>();
        Figures.check(value.decimalValue()).ifPresent(message -> problems.add(error(path, i, "val", message)));
        date(entry, "end").flatMap(window::check).ifPresent(message -> problems.add(error(path, i, "end", message)));
        date(entry, "filed").flatMap(filed -> window.check(SecCompanyFactsImporter.filedAt(filed)))
                .ifPresent(message -> problems.add(error(path, i, "filed", message)));
        return problems;
    }

    private static EventError error(String path, int i, String field, String message) {
        return new EventError(null, null, path + "[" + i + "]." + field, message);
    }

    /**
     * A date field of an entry, or empty when absent or not a date (the entry is then left out). Only text shaped
     * like a date is parsed: a million entries of garbage cost no million exceptions.
     */
    private static Optional<LocalDate> date(JsonNode entry, String field) {
        String text = entry.path(field).asText();
        if (!ISO_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
        Optional<LocalDate> end = date(entry, "end");
        Optional<LocalDate> filed = date(entry, "filed");
        Optional<LocalDate> start = date(entry, "start");
        if (end.isEmpty() || filed.isEmpty() || entry.hasNonNull("start") && start.isEmpty()) {
            return null;
        }
        return new SecFact(start.orElse(null), end.get(), value.decimalValue(), filed.get());
    }
}
