package io.saasreport.universe.rule;

/** The comparison operators of the rule grammar. */
public enum Comparator {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("="), NOT_EQUAL("!=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double left, double right) {
        return switch (this) {
            case LESS -> left < right;
            case LESS_OR_EQUAL -> left <= right;
            case GREATER -> left > right;
            case GREATER_OR_EQUAL -> left >= right;
            case EQUAL -> left == right;
            case NOT_EQUAL -> left != right;
        };
    }

    static Comparator of(String symbol) {
        for (Comparator comparator : values()) {
            if (comparator.symbol.equals(symbol)) {
                return comparator;
            }
        }
        throw new IllegalArgumentException("not a comparator: " + symbol);
    }
}
