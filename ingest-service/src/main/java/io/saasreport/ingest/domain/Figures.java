package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a figure (money, a share count, a ratio, a price, a yield) can be: zero, or a magnitude from
 * {@value #SMALLEST_TEXT} to below {@value #LARGEST_TEXT}, written in at most {@value #MAX_LENGTH} characters. The
 * check reads only the number's precision and scale, never rescales it: {@code 1e-500000000} is refused at once,
 * where a rounding or a sum would build a power of ten hundreds of MB long first.
 */
public final class Figures {

    /** The longest number text read (also Jackson's {@code maxNumberLength} for JSON bodies). */
    public static final int MAX_LENGTH = 100;
    /** Every non-zero figure is at least 10^-6 in magnitude: a price of $0.000001 is far below any quote. */
    public static final int SMALLEST_EXPONENT = -6;
    /** Every figure is below 10^15 in magnitude: a quadrillion dollars or shares is above any company's. */
    public static final int LARGEST_EXPONENT = 15;
    static final String SMALLEST_TEXT = "1e-6";
    static final String LARGEST_TEXT = "1e15";

    /** The problem with {@code value} as a figure, or empty when it is one. */
    public static Optional<String> check(BigDecimal value) {
        if (value.signum() == 0) {
            return Optional.empty();
        }
        // The exponent of the leading digit: |value| lies in [10^e, 10^(e+1)). Cheap for any scale.
        long exponent = (long) value.precision() - value.scale() - 1;
        if (exponent < SMALLEST_EXPONENT || exponent >= LARGEST_EXPONENT) {
            return Optional.of("must be 0 or of a magnitude from " + SMALLEST_TEXT + " to below " + LARGEST_TEXT
                    + " (no real figure is outside), was " + value);
        }
        return Optional.empty();
    }

    /**
     * Reads a figure written as text (a CSV cell): its length is checked before it is parsed (a long run of digits
     * costs quadratic time to parse), its magnitude before anything is done with it.
     *
     * @throws NumberFormatException with the message for the client when the text is not a figure
     */
    public static BigDecimal parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new NumberFormatException("must be a number of at most " + MAX_LENGTH + " characters, was "
                    + text.length() + " characters long");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("must be a number, was '" + text + "'");
        }
        check(value).ifPresent(problem -> {
            throw new NumberFormatException(problem);
        });
        return value;
    }

    private Figures() {
    }
}
