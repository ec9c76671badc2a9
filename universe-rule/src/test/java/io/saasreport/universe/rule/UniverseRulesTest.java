package io.saasreport.universe.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.saasreport.universe.rule.RuleExpression.And;
import io.saasreport.universe.rule.RuleExpression.Comparison;
import io.saasreport.universe.rule.RuleExpression.Not;
import io.saasreport.universe.rule.RuleExpression.Or;

class UniverseRulesTest {

    @Test
    void aComparisonKeepsItsFieldOperatorNumberAndPosition() {
        assertEquals(new Comparison("ntmGrowth", Comparator.GREATER, 0.30, 1), UniverseRules.parse("ntmGrowth > 0.30"));
        assertEquals(new Comparison("evToNtmRevenue", Comparator.LESS_OR_EQUAL, -1.5e2, 3),
                UniverseRules.parse("  evToNtmRevenue<=-1.5e2"));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Comparison a = new Comparison("price", Comparator.GREATER, 1, 5);
        Comparison b = new Comparison("cash", Comparator.LESS, 2, 19);
        Comparison c = new Comparison("debt", Comparator.EQUAL, 3, 31);
        assertEquals(new Or(new And(new Not(a), b), c), UniverseRules.parse("not price > 1 and cash < 2 or debt = 3"));
        assertEquals(new And(new Not(new Comparison("price", Comparator.GREATER, 1, 6)),
                        new Or(new Comparison("cash", Comparator.LESS, 2, 22), new Comparison("debt", Comparator.NOT_EQUAL, 3, 34))),
                UniverseRules.parse("NOT (price > 1) AND (cash < 2 or debt != 3)"));
    }

    @Test
    void anUnknownFigureIsRefusedWithItsPosition() {
        RuleSyntaxException error = assertThrows(RuleSyntaxException.class,
                () -> UniverseRules.parse("ntmGrowth > 0.3 and growth > 2"));
        assertEquals(21, error.position());
        assertTrue(error.getMessage().contains("unknown figure 'growth'"), error.getMessage());
    }

    @Test
    void syntaxErrorsAreRefusedWithTheirPosition() {
        assertEquals(13, assertThrows(RuleSyntaxException.class, () -> UniverseRules.parse("ntmGrowth > and")).position());
        assertEquals(17, assertThrows(RuleSyntaxException.class, () -> UniverseRules.parse("(ntmGrowth > 0.3")).position());
        assertEquals(11, assertThrows(RuleSyntaxException.class, () -> UniverseRules.parse("ntmGrowth ~ 0.3")).position());
        assertEquals(1, assertThrows(RuleSyntaxException.class, () -> UniverseRules.parse("0.3 < ntmGrowth")).position());
        assertEquals(1, assertThrows(RuleSyntaxException.class, () -> UniverseRules.parse(" ")).position());
        assertThrows(RuleSyntaxException.class, () -> UniverseRules.parse("price > 1 price > 2"));
    }
}
