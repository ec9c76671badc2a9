package io.saasreport.universe.rule;

/**
 * A parsed universe rule. Evaluating it is the metrics service's business (its domain); this is only the tree.
 * {@code position} is where the element starts in the rule text (1 = the first character).
 */
public sealed interface RuleExpression {

    /** {@code field comparator value}, e.g. {@code ntmGrowth > 0.3}. */
    record Comparison(String field, Comparator comparator, double value, int position) implements RuleExpression {
    }

    record And(RuleExpression left, RuleExpression right) implements RuleExpression {
    }

    record Or(RuleExpression left, RuleExpression right) implements RuleExpression {
    }

    record Not(RuleExpression operand) implements RuleExpression {
    }
}
