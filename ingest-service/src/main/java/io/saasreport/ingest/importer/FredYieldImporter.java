package io.saasreport.ingest.importer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.Figures;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.MacroEvent;
import io.saasreport.ingest.domain.MarketClose;
import io.saasreport.ingest.domain.Position;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.domain.TimeWindow;

/**
 * Turns FRED's 10-year treasury series ({@code observation_date,DGS10}; older downloads say {@code DATE})
 * into macro events stamped at that day's market close. FRED leaves market holidays blank (or writes
 * '.'): those rows are skipped, not refused.
 */
public final class FredYieldImporter {

    private static final String TYPE = EventType.MACRO.wireName();
    private static final String SERIES = "DGS10";

    /** Every observation as a macro event; the file is refused past {@code maxRows} rows or with any date out of {@code window}. */
    public static List<MacroEvent> parse(String csv, TimeWindow window, int maxRows) {
        CsvTable table = CsvTable.parse(csv, TYPE, maxRows);
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
            Instant close = null;
            try {
                close = MarketClose.of(LocalDate.parse(row.get(0)));
                window.check(close).ifPresent(message -> errors.add(at.error(table.header().get(0), message)));
            } catch (DateTimeParseException e) {
                errors.add(at.error(table.header().get(0), "must be a date as YYYY-MM-DD, was '" + row.get(0) + "'"));
            }
            BigDecimal yield = null;
            try {
                yield = Figures.parse(value);
            } catch (NumberFormatException e) {
                errors.add(at.error(SERIES, e.getMessage()));
            }
            if (errors.isEmpty()) {
                events.add(new MacroEvent(close, yield));
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
