package io.saasreport.metrics.domain.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.universe.rule.CompanyFields;
import io.saasreport.universe.rule.RuleSyntaxException;
import io.saasreport.universe.rule.UniverseRules;

class MembershipTest {

    @Test
    void aRuleMayCompareExactlyTheCompanysPublishedNumbers() {
        Set<String> numbers = new TreeSet<>();
        for (RecordComponent component : CompanyMetrics.class.getRecordComponents()) {
            if (component.getType() == Double.class) {
                numbers.add(component.getName());
            }
        }
        assertEquals(numbers, new TreeSet<>(CompanyFields.NUMERIC));
    }

    @Test
    void aRuleIsEvaluatedInThreeValuedLogic() {
        CompanyMetrics growing = figures("GROW", 0.35, 12.0);
        CompanyMetrics unknownMultiple = figures("NOEV", 0.35, null);
        CompanyMetrics slow = figures("SLOW", 0.05, null);

        Membership fast = rule("ntmGrowth > 0.30 and evToNtmRevenue < 20");
        assertTrue(fast.includes(growing));
        assertFalse(fast.includes(unknownMultiple), "true and unknown is unknown: not a member");
        assertFalse(fast.includes(slow), "false and unknown is false");

        Membership either = rule("ntmGrowth > 0.30 or evToNtmRevenue < 20");
        assertTrue(either.includes(unknownMultiple), "true or unknown is true");
        assertFalse(either.includes(slow), "false or unknown is unknown");

        assertFalse(rule("not evToNtmRevenue < 20").includes(unknownMultiple), "not unknown is unknown");
        assertTrue(rule("not (ntmGrowth > 0.30)").includes(slow));
        assertTrue(rule("evToNtmRevenue >= 12 and evToNtmRevenue <= 12 and not evToNtmRevenue != 12").includes(growing));
    }

    @Test
    void aListHoldsItsTickersOnly() {
        Membership listed = new UniverseDefinition("mine", List.of("GROW", "OTHER"), null, Instant.EPOCH).membership();
        assertTrue(listed.includes(figures("GROW", null, null)));
        assertFalse(listed.includes(figures("SLOW", null, null)));
    }

    @Test
    void aDefinitionIsAListOrAValidRuleUnderAValidName() {
        assertThrows(IllegalArgumentException.class, () -> new UniverseDefinition("universe", List.of("A"), null, null));
        assertThrows(IllegalArgumentException.class, () -> new UniverseDefinition("Bad", List.of("A"), null, null));
        assertThrows(IllegalArgumentException.class, () -> new UniverseDefinition("both", List.of("A"), "price > 1", null));
        assertThrows(IllegalArgumentException.class, () -> new UniverseDefinition("none", null, null, null));
        assertEquals(9, assertThrows(RuleSyntaxException.class,
                () -> new UniverseDefinition("bad-rule", null, "price > and", null)).position());
    }

    private static Membership rule(String text) {
        return Membership.byRule(UniverseRules.parse(text));
    }

    private static CompanyMetrics figures(String ticker, Double ntmGrowth, Double evToNtmRevenue) {
        return withFigures(ticker, ntmGrowth, evToNtmRevenue);
    }

    private static CompanyMetrics withFigures(String ticker, Double ntmGrowth, Double evToNtmRevenue) {
        Object[] values = new Object[CompanyMetrics.class.getRecordComponents().length];
        Class<?>[] types = new Class<?>[values.length];
        RecordComponent[] components = CompanyMetrics.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = switch (components[i].getName()) {
                case "ticker" -> ticker;
                case "ntmGrowth" -> ntmGrowth;
                case "evToNtmRevenue" -> evToNtmRevenue;
                default -> null;
            };
        }
        try {
            return CompanyMetrics.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
