package io.saasreport.ingest.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.saasreport.ingest.domain.Figures;

/** The daily price files public sources publish, told apart by their header. */
enum PriceCsvFormat {

    /** nasdaq.com: {@code Date,Close,Volume,Open,High,Low} (newer exports say Close/Last), MM/DD/YYYY, "$130.22", newest first. */
    NASDAQ("Date,Close,Volume,Open,High,Low", 0, 1, "MM/dd/uuuu", "MM/DD/YYYY"),
    /** Yahoo Finance: {@code Date,Open,High,Low,Close[,Adj Close],Volume}, ISO dates; Close is the traded price, not Adj Close. */
    YAHOO("Date,Open,High,Low,Close,Adj Close,Volume", 0, 4, "uuuu-MM-dd", "YYYY-MM-DD"),
    /** Stooq bulk: {@code <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>}, YYYYMMDD. */
    STOOQ("<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>", 2, 7, "uuuuMMdd", "YYYYMMDD");

    static final int STOOQ_TICKER_COLUMN = 0;
    static final int STOOQ_PERIOD_COLUMN = 1;

    private final String header;
    private final int dateColumn;
    private final int closeColumn;
    private final DateTimeFormatter dateFormat;
    private final String dateShape;

    PriceCsvFormat(String header, int dateColumn, int closeColumn, String datePattern, String dateShape) {
        this.header = header;
        this.dateColumn = dateColumn;
        this.closeColumn = closeColumn;
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        this.dateShape = dateShape;
    }

    static Optional<PriceCsvFormat> detect(List<String> header) {
        List<String> names = header.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList();
        if (names.equals(columns(STOOQ))) {
            return Optional.of(STOOQ);
        }
        List<String> nasdaq = names.stream().map(name -> name.equals("CLOSE/LAST") ? "CLOSE" : name).toList();
        if (nasdaq.equals(columns(NASDAQ))) {
            return Optional.of(NASDAQ);
        }
        List<String> yahoo = columns(YAHOO);
        if (names.equals(yahoo) || names.equals(yahoo.stream().filter(name -> !name.equals("ADJ CLOSE")).toList())) {
            return Optional.of(YAHOO);
        }
        return Optional.empty();
    }

    static String supportedHeaders() {
        return NASDAQ.header + " (nasdaq.com) | " + YAHOO.header + " (Yahoo, Adj Close optional) | " + STOOQ.header + " (Stooq)";
    }

    int dateColumn() {
        return dateColumn;
    }

    int closeColumn() {
        return closeColumn;
    }

    String columnName(int column) {
        return header.split(",")[column];
    }

    LocalDate parseDate(String text) {
        return LocalDate.parse(text, dateFormat);
    }

    /** How the dates look, for error messages. */
    String dateShape() {
        return dateShape;
    }

    /**
     * nasdaq.com writes "$130.22"; the others plain numbers. Read as a figure ({@link Figures#parse}).
     *
     * @throws NumberFormatException with the message for the client
     */
    BigDecimal parseClose(String text) {
        String digits = this == NASDAQ && text.startsWith("$") ? text.substring(1) : text;
        return Figures.parse(digits.replace(",", ""));
    }

    private static List<String> columns(PriceCsvFormat format) {
        return List.of(format.header.toUpperCase(Locale.ROOT).split(","));
    }
}
