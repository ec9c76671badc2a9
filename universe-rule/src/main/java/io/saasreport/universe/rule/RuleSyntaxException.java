package io.saasreport.universe.rule;

/** A rule that does not parse, or names a figure companies do not have; {@code position} 1 = first character. */
public final class RuleSyntaxException extends IllegalArgumentException {

    private final int position;

    public RuleSyntaxException(int position, String message) {
        super("at position " + position + ": " + message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
