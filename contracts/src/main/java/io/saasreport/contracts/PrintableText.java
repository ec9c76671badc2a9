package io.saasreport.contracts;

/**
 * The rule every text field of every topic keeps, which a JSON Schema pattern cannot state for lone surrogates: no C0
 * or C1 control character (NUL, tab, line breaks and DEL included; PostgreSQL cannot store NUL) and no lone UTF-16
 * surrogate (it has no UTF-8 form). The ingest API refuses such text at the door; the metrics service dead-letters it.
 */
public final class PrintableText {

    /** Why {@code text} breaks the rule ("has U+0000 at character 5"), or null when it keeps it. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (Character.isISOControl(c) || lone) {
                return String.format("must not contain control characters or lone surrogates, has U+%04X at character %d",
                        (int) c, i + 1);
            }
        }
        return null;
    }

    private PrintableText() {
    }
}
