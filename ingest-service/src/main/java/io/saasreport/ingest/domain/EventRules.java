package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value rules of the spec's input events, in one place: the JSON validator and the file importers
 * both ask here. Each check answers the message for a bad value, or empty when the value is fine.
 */
public final class EventRules {

    /** Exchange tickers as the report prints them: upper case, digits, '.' and '-' (BRK.B, RDS-A). */
    public static final Pattern TICKER = Pattern.compile("^[A-Z][A-Z0-9.\\-]{0,9}$");
    /** Fiscal years outside this range are typing mistakes, not history or plans. */
    public static final int MIN_FISCAL_YEAR = 1900;
    public static final int MAX_FISCAL_YEAR = 2100;
    public static final int MAX_NAME_LENGTH = 200;

    public static Optional<String> checkTicker(String ticker) {
        if (ticker == null || ticker.isEmpty()) {
            return Optional.of("is required");
        }
        return TICKER.matcher(ticker).matches()
                ? Optional.empty()
                : Optional.of("must match " + TICKER.pattern());
    }

    /** Money and other figures are plain numbers that every consumer can hold as a double. */
    public static Optional<String> checkFinite(BigDecimal value) {
        return Double.isFinite(value.doubleValue()) ? Optional.empty() : Optional.of("must be a finite number");
    }

    public static Optional<String> checkPrice(BigDecimal price) {
        return checkFinite(price).or(() -> price.signum() > 0 ? Optional.empty() : Optional.of("must be > 0"));
    }

    public static Optional<String> checkFiscalYear(long year) {
        return year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR
                ? Optional.empty()
                : Optional.of("must be between " + MIN_FISCAL_YEAR + " and " + MAX_FISCAL_YEAR);
    }

    public static Optional<String> checkFiscalQuarter(long quarter) {
        return quarter >= 1 && quarter <= 4 ? Optional.empty() : Optional.of("must be 1, 2, 3 or 4");
    }

    public static Optional<String> checkName(String name) {
        if (name.isBlank()) {
            return Optional.of("must not be blank");
        }
        return name.length() <= MAX_NAME_LENGTH
                ? Optional.empty()
                : Optional.of("must be at most " + MAX_NAME_LENGTH + " characters");
    }

    private EventRules() {
    }
}
