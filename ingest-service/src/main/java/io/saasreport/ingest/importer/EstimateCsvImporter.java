package io.saasreport.ingest.importer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.ingest.domain.EstimateEvent;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.EventValidator;
import io.saasreport.ingest.domain.Figures;
import io.saasreport.ingest.domain.MarketClose;
import io.saasreport.ingest.domain.Position;
import io.saasreport.ingest.domain.TimeWindow;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/**
 * Consensus estimates kept in a spreadsheet: one row per company, {@code ticker,asOf,fy1End,fy1Revenue,fy2Revenue}
 * and optionally {@code fy1Fcf,fy2Fcf} (any column order, named by the header). {@code asOf} is a day (the estimate
 * as of that day's close) or an instant. Each row becomes the estimate event the events API would take, checked by
 * the same rules ({@link EventValidator}); any bad row refuses the whole file, naming its line.
 */
public final class EstimateCsvImporter {

    static final List<String> REQUIRED = List.of("ticker", "asOf", "fy1End", "fy1Revenue", "fy2Revenue");
    static final List<String> NUMBERS = List.of("fy1Revenue", "fy2Revenue", "fy1Fcf", "fy2Fcf");
    static final Set<String> KNOWN = Set.of("ticker", "asOf", "fy1End", "fy1Revenue", "fy2Revenue", "fy1Fcf", "fy2Fcf");

    private static final String TYPE = EventType.ESTIMATE.wireName();

    public static List<EstimateEvent> parse(String csv, TimeWindow window, int maxRows) {
        CsvTable table = CsvTable.parse(csv, TYPE, maxRows);
        List<String> header = table.header();
        if (!header.containsAll(REQUIRED) || !KNOWN.containsAll(header) || Set.copyOf(header).size() != header.size()) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED, "Unrecognized estimate CSV header '"
                    + String.join(",", header) + "'; expected the columns " + String.join(",", REQUIRED)
                    + " and optionally fy1Fcf,fy2Fcf, each once", TYPE);
        }
        if (table.rows().isEmpty()) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY, "The estimate file has a header but no rows", TYPE);
        }
        List<EstimateEvent> events = new ArrayList<>();
        List<EventError> errors = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Position at = Position.line(row.line());
            List<EventError> rowErrors = new ArrayList<>();
            ObjectNode event = event(header, row, at, rowErrors);
            if (rowErrors.isEmpty()) {
                rowErrors.addAll(EventValidator.validate(event, at));
            }
            if (rowErrors.isEmpty()) {
                EstimateEvent estimate = toEstimate(event);
                rowErrors.addAll(window.check(estimate, at));
                events.add(estimate);
            }
            errors.addAll(rowErrors);
        }
        if (!errors.isEmpty()) {
            throw RejectedRequestException.invalid(errors, Map.of(TYPE, table.rows().size()));
        }
        return events;
    }

    /** The row as the JSON event the events API takes; cells that cannot be read are named in {@code errors}. */
    private static ObjectNode event(List<String> header, CsvTable.Row row, Position at, List<EventError> errors) {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        for (int column = 0; column < header.size(); column++) {
            String name = header.get(column);
            String cell = row.get(column);
            if (cell.isEmpty()) {
                continue;
            }
            if (NUMBERS.contains(name)) {
                try {
                    event.put(name, Figures.parse(cell));
                } catch (NumberFormatException e) {
                    errors.add(at.error(name, e.getMessage()));
                }
            } else if (name.equals("asOf")) {
                asOf(cell).ifPresentOrElse(instant -> event.put(name, instant.toString()),
                        () -> errors.add(at.error(name, "must be a date (YYYY-MM-DD) or an instant "
                                + "(2025-03-03T21:00:00Z), was '" + cell + "'")));
            } else {
                event.put(name, cell);
            }
        }
        return event;
    }

    private static Optional<Instant> asOf(String cell) {
        try {
            return Optional.of(cell.length() == 10 ? MarketClose.of(LocalDate.parse(cell)) : Instant.parse(cell));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static EstimateEvent toEstimate(JsonNode event) {
        return new EstimateEvent(event.get("ticker").asText(), Instant.parse(event.get("asOf").asText()), null, null,
                number(event, "fy1Revenue"), number(event, "fy2Revenue"), LocalDate.parse(event.get("fy1End").asText()),
                number(event, "fy1Fcf"), number(event, "fy2Fcf"));
    }

    private static BigDecimal number(JsonNode event, String field) {
        return event.has(field) ? event.get(field).decimalValue() : null;
    }

    private EstimateCsvImporter() {
    }
}
