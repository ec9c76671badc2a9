package io.saasreport.universe.rule;

import java.util.TreeSet;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** Parses a rule text (grammar {@code UniverseRule.g4}) into a {@link RuleExpression}, or says where it is wrong. */
public final class UniverseRules {

    /** Longer rules are refused: a universe is defined by a person, not generated. */
    public static final int MAX_LENGTH = 2000;

    private UniverseRules() {
    }

    public static RuleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleSyntaxException(1, "the rule is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(MAX_LENGTH + 1, "the rule is longer than " + MAX_LENGTH + " characters");
        }
        UniverseRuleLexer lexer = new UniverseRuleLexer(CharStreams.fromString(text));
        UniverseRuleParser parser = new UniverseRuleParser(new CommonTokenStream(lexer));
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(FailFast.INSTANCE);
        parser.addErrorListener(FailFast.INSTANCE);
        return new TreeBuilder().visit(parser.rule_().expression());
    }

    /** The first syntax error ends the parse, with its position (the rule is one line; newlines count as one). */
    private static final class FailFast extends BaseErrorListener {
        static final FailFast INSTANCE = new FailFast();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            int position = offendingSymbol instanceof org.antlr.v4.runtime.Token token && token.getStartIndex() >= 0
                    ? token.getStartIndex() + 1
                    : charPositionInLine + 1;
            throw new RuleSyntaxException(position, msg);
        }
    }

    private static final class TreeBuilder extends UniverseRuleBaseVisitor<RuleExpression> {

        @Override
        public RuleExpression visitNegation(UniverseRuleParser.NegationContext context) {
            return new RuleExpression.Not(visit(context.expression()));
        }

        @Override
        public RuleExpression visitConjunction(UniverseRuleParser.ConjunctionContext context) {
            return new RuleExpression.And(visit(context.expression(0)), visit(context.expression(1)));
        }

        @Override
        public RuleExpression visitDisjunction(UniverseRuleParser.DisjunctionContext context) {
            return new RuleExpression.Or(visit(context.expression(0)), visit(context.expression(1)));
        }

        @Override
        public RuleExpression visitGroup(UniverseRuleParser.GroupContext context) {
            return visit(context.expression());
        }

        @Override
        public RuleExpression visitComparison(UniverseRuleParser.ComparisonContext context) {
            String field = context.FIELD().getText();
            int position = context.FIELD().getSymbol().getStartIndex() + 1;
            if (!CompanyFields.NUMERIC.contains(field)) {
                throw new RuleSyntaxException(position, "unknown figure '" + field + "'; a rule compares one of "
                        + String.join(", ", new TreeSet<>(CompanyFields.NUMERIC)));
            }
            double value = Double.parseDouble(context.NUMBER().getText());
            if (!Double.isFinite(value)) {
                throw new RuleSyntaxException(context.NUMBER().getSymbol().getStartIndex() + 1,
                        "the number is out of range");
            }
            return new RuleExpression.Comparison(field, Comparator.of(context.COMPARATOR().getText()), value, position);
        }
    }
}
