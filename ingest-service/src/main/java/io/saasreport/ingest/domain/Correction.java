package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.contracts.EventError;
import io.saasreport.contracts.InputTopics;

/**
 * A correction as published on the input topics, in order with what it corrects (the metrics service's domain
 * applies it: {@code PriceCorrection}, {@code FilingWithdrawal}, {@code CompanyRemoval}):
 * <ul>
 *   <li>{@code price-correction} on {@code market.prices}: the price at {@code at} becomes {@code price}, or, with
 *   no price, is withdrawn;</li>
 *   <li>{@code filing-withdrawal} on {@code company.filings}: the quarter's filing is no longer held;</li>
 *   <li>{@code company-removal} on {@code company.filings} (kept forever, and read by the report beside the
 *   filings it drops): the company is removed.</li>
 * </ul>
 * {@code at} is the corrected price's instant, or when a withdrawal or removal was asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "ticker", "at", "price", "fiscalYear", "fiscalQuarter"})
public record Correction(String type, String ticker, Instant at, BigDecimal price, Integer fiscalYear,
        Integer fiscalQuarter) {

    /** The type tag of the meters for corrections. */
    public static final String TYPE_TAG = "correction";
    public static final String PRICE_CORRECTION = "price-correction";
    public static final String FILING_WITHDRAWAL = "filing-withdrawal";
    public static final String COMPANY_REMOVAL = "company-removal";
    /** A replaced price may be dated no later than now plus this much (clocks differ a little). */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Decimal exponents beyond these are no price a double can hold; checked before any arithmetic. */
    private static final int MAX_EXPONENT = 309;
    private static final int MIN_EXPONENT = -307;

    /** The topic of what it corrects: {@code market.prices} for a price, else {@code company.filings}. */
    @JsonIgnore
    public String topic() {
        return PRICE_CORRECTION.equals(type) ? InputTopics.PRICES : InputTopics.FILINGS;
    }

    public static Correction companyRemoval(String ticker, Instant now) {
        requireNoErrors(tickerErrors(ticker));
        return new Correction(COMPANY_REMOVAL, ticker, now, null, null, null);
    }

    public static Correction filingWithdrawal(String ticker, String fiscalYear, String fiscalQuarter, Instant now) {
        List<EventError> errors = tickerErrors(ticker);
        Integer year = integer(fiscalYear, "fiscalYear", "FiscalYear", errors);
        Integer quarter = integer(fiscalQuarter, "fiscalQuarter", "FiscalQuarter", errors);
        requireNoErrors(errors);
        return new Correction(FILING_WITHDRAWAL, ticker, now, null, year, quarter);
    }

    /** The price at {@code at} withdrawn: any instant, so that a price dated far ahead can be taken back. */
    public static Correction priceWithdrawal(String ticker, String at) {
        List<EventError> errors = tickerErrors(ticker);
        Instant instant = instant(at, errors);
        requireNoErrors(errors);
        return new Correction(PRICE_CORRECTION, ticker, instant, null, null, null);
    }

    /** The price at {@code at} replaced by the body's {@code {"price": p}}; {@code at} not in the future. */
    public static Correction priceReplacement(String ticker, String at, JsonNode body, Instant now) {
        List<EventError> errors = tickerErrors(ticker);
        Instant instant = instant(at, errors);
        if (instant != null && instant.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new EventError(null, null, "at", "must not be in the future (a price not yet quoted)"));
        }
        BigDecimal price = null;
        if (body == null || !body.isObject()) {
            errors.add(new EventError(null, null, null, "must be a JSON object {\"price\": <number>}"));
        } else {
            for (Iterator<String> fields = body.fieldNames(); fields.hasNext();) {
                String field = fields.next();
                if (!field.equals("price")) {
                    errors.add(new EventError(null, null, field, "is not a field of a price correction (price)"));
                }
            }
            price = price(body.get("price"), errors);
        }
        requireNoErrors(errors);
        return new Correction(PRICE_CORRECTION, ticker, instant, price, null, null);
    }

    private static BigDecimal price(JsonNode node, List<EventError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new EventError(null, null, "price", "is required (a withdrawal is DELETE)"));
            return null;
        }
        if (!node.isNumber()) {
            errors.add(new EventError(null, null, "price", "must be a number"));
            return null;
        }
        if (!node.isBigDecimal() && !node.isIntegralNumber() && !Double.isFinite(node.doubleValue())) {
            // Read as a double beyond its range (an exponent like 1e400000000): no arithmetic on it.
            errors.add(new EventError(null, null, "price", "must be a positive normal double"));
            return null;
        }
        BigDecimal price = node.decimalValue();
        int exponent = price.precision() - price.scale();
        if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT || price.signum() > 0
                && price.doubleValue() < Double.MIN_NORMAL) {
            errors.add(new EventError(null, null, "price", "must be a positive normal double"));
            return null;
        }
        EventRules.checkPrice(price).ifPresent(problem -> errors.add(new EventError(null, null, "price", problem)));
        return price;
    }

    private static List<EventError> tickerErrors(String ticker) {
        List<EventError> errors = new ArrayList<>();
        EventRules.checkTicker(ticker).ifPresent(problem -> errors.add(new EventError(null, null, "ticker", problem)));
        return errors;
    }

    private static Instant instant(String text, List<EventError> errors) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new EventError(null, null, "at", "must be an ISO-8601 instant in UTC, e.g. 2026-11-20T21:00:00Z"));
            return null;
        }
    }

    private static Integer integer(String text, String field, String kind, List<EventError> errors) {
        Integer value = null;
        if (text != null && text.matches("[0-9]{1,4}")) {
            value = Integer.valueOf(text);
            if (!EventContract.fieldKindViolations(kind, com.fasterxml.jackson.databind.node.IntNode.valueOf(value))
                    .isEmpty()) {
                value = null;
            }
        }
        if (value == null) {
            errors.add(new EventError(null, null, field, "FiscalYear".equals(kind)
                    ? "must be a year from 1900 to 2100" : "must be 1, 2, 3 or 4"));
        }
        return value;
    }

    private static void requireNoErrors(List<EventError> errors) {
        if (!errors.isEmpty()) {
            throw RejectedRequestException.invalid(errors, Map.of(TYPE_TAG, 1));
        }
    }
}
