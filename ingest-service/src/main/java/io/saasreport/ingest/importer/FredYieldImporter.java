package io.saasreport.ingest.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.saasreport.ingest.domain.EventError;
import io.saasreport.ingest.domain.EventRules;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.MacroEvent;
import io.saasreport.ingest.domain.MarketClose;
import io.saasreport.ingest.domain.Position;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/**
 * Turns FRED's 10-year treasury series ({@code observation_date,DGS10}; older downloads say {@code DATE})
 * into macro events stamped at that day's market close. FRED leaves market holidays blank (or writes
 * '.'): those rows are skipped, not refused.
 */
public final class FredYieldImporter {

    private static final String TYPE = EventType.MACRO.wireName();
    private static final String SERIES = "DGS10";

    public static List<MacroEvent> parse(String csv) {
        CsvTable table = CsvTable.parse(csv, TYPE);
        List<String> header = table.header().stream().map(name -> name.toUpperCase(Locale.ROOT)).toList();
        boolean known = header.size() == 2 && List.of("OBSERVATION_DATE", "DATE").contains(header.get(0))
                && header.get(1).equals(SERIES);
        if (!known) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED, "Unrecognized FRED header '"
                    + String.join(",", table.header()) + "'; expected observation_date," + SERIES, TYPE);
        }
        List<MacroEvent> events = new ArrayList<>();
        List<EventError> errors = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Position at = Position.line(row.line());
            String value = row.get(1);
            if (value.isEmpty() || value.equals(".")) {
                continue;
            }
            LocalDate day = null;
            try {
                day = LocalDate.parse(row.get(0));
            } catch (DateTimeParseException e) {
                errors.add(EventError.at(at, table.header().get(0), "must be a date as YYYY-MM-DD, was '" + row.get(0) + "'"));
            }
            BigDecimal yield = null;
            try {
                yield = new BigDecimal(value);
                EventRules.checkFinite(yield).ifPresent(message -> errors.add(EventError.at(at, SERIES, message)));
            } catch (NumberFormatException e) {
                errors.add(EventError.at(at, SERIES, "must be a number, blank or '.', was '" + value + "'"));
            }
            if (day != null && yield != null) {
                events.add(new MacroEvent(MarketClose.of(day), yield));
            }
        }
        if (!errors.isEmpty()) {
            throw RejectedRequestException.invalid(errors, Map.of(TYPE, table.rows().size()));
        }
        if (events.isEmpty()) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY, "The FRED file holds no observation", TYPE);
        }
        return events;
    }

    private FredYieldImporter() {
    }
}
