package io.saasreport.ingest.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.EventRules;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.MarketClose;
import io.saasreport.ingest.domain.Position;
import io.saasreport.ingest.domain.PriceEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.domain.TimeWindow;

/**
 * Turns a daily price file (nasdaq.com, Yahoo or Stooq, see {@link PriceCsvFormat}) into one price event per
 * row: the day's close at the market close. Any bad row refuses the whole file, naming its line.
 */
public final class PriceCsvImporter {

    /**
     * Quotes carry at most 4 decimals (sub-penny); Yahoo prints float32 artefacts to 6 (98.980003),
     * so closes are rounded to 4 decimals: every source then gives the same number for the same close.
     */
    static final int PRICE_DECIMALS = 4;

    private static final String TYPE = EventType.PRICE.wireName();

    /** Every row's close as a price event; the file is refused past {@code maxRows} rows or with any date out of {@code window}. */
    public static List<PriceEvent> parse(String ticker, String csv, TimeWindow window, int maxRows) {
        CsvTable table = CsvTable.parse(csv, TYPE, maxRows);
        PriceCsvFormat format = PriceCsvFormat.detect(table.header()).orElseThrow(() -> RejectedRequestException.unreadable(
                RejectionReason.MALFORMED, "Unrecognized price CSV header '" + String.join(",", table.header())
                        + "'; expected one of: " + PriceCsvFormat.supportedHeaders(),
                TYPE));
        if (table.rows().isEmpty()) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY, "The price file has a header but no rows", TYPE);
        }
        List<PriceEvent> events = new ArrayList<>();
        List<EventError> errors = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Position at = Position.line(row.line());
            String dateColumn = format.columnName(format.dateColumn());
            String closeColumn = format.columnName(format.closeColumn());
            Instant close = null;
            String date = row.get(format.dateColumn());
            try {
                close = MarketClose.of(format.parseDate(date));
                window.check(close).ifPresent(message -> errors.add(at.error(dateColumn, message)));
            } catch (DateTimeParseException e) {
                errors.add(at.error(dateColumn, "must be a date as " + format.dateShape() + ", was '" + date + "'"));
            }
            BigDecimal price = null;
            String closeText = row.get(format.closeColumn());
            try {
                price = format.parseClose(closeText);
                EventRules.checkPrice(price).ifPresent(message -> errors.add(
                        at.error(closeColumn, message + ", was '" + closeText + "'")));
            } catch (NumberFormatException e) {
                errors.add(at.error(closeColumn, e.getMessage()));
            }
            if (format == PriceCsvFormat.STOOQ) {
                stooqProblem(ticker, row).ifPresent(errors::add);
            }
            if (errors.isEmpty()) {
                events.add(new PriceEvent(ticker, normalize(price), close));
            }
        }
        if (!errors.isEmpty()) {
            throw RejectedRequestException.invalid(errors, Map.of(TYPE, table.rows().size()));
        }
        return events;
    }

    /** Stooq files name their ticker (DDOG.US) and period on every row: refuse another company's or intraday rows. */
    private static Optional<EventError> stooqProblem(String ticker, CsvTable.Row row) {
        Position at = Position.line(row.line());
        String fileTicker = row.get(PriceCsvFormat.STOOQ_TICKER_COLUMN);
        if (!fileTicker.equalsIgnoreCase(ticker) && !fileTicker.equalsIgnoreCase(ticker + ".US")) {
            return Optional.of(at.error("<TICKER>", "is '" + fileTicker + "', not the requested ticker " + ticker));
        }
        String period = row.get(PriceCsvFormat.STOOQ_PERIOD_COLUMN);
        if (!period.equals("D")) {
            return Optional.of(at.error("<PER>", "must be D (daily), was '" + period + "'"));
        }
        return Optional.empty();
    }

    static BigDecimal normalize(BigDecimal price) {
        BigDecimal rounded = price.setScale(PRICE_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private PriceCsvImporter() {
    }
}
