package io.saasreport.metrics.domain.universe;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.universe.rule.RuleExpression;

/**
 * Whether a company belongs to a universe, decided on its current figures alone, so that membership by rule
 * follows the figures. A rule is evaluated in three-valued logic: a comparison with a missing figure (null) is
 * unknown, {@code not} unknown is unknown, {@code false and unknown} is false, {@code true or unknown} is true; a
 * company is a member only when the rule is true.
 */
@FunctionalInterface
public interface Membership {

    boolean includes(CompanyMetrics figures);

    /** The default universe: every company. */
    static Membership everyCompany() {
        return figures -> true;
    }

    static Membership listed(Collection<String> tickers) {
        Set<String> members = Set.copyOf(tickers);
        return figures -> members.contains(figures.ticker());
    }

    static Membership byRule(RuleExpression rule) {
        Condition condition = Condition.of(rule);
        return figures -> Boolean.TRUE.equals(condition.test(figures));
    }

    /** A rule compiled once: figure accessors resolved, evaluated without parsing. Null means unknown. */
    @FunctionalInterface
    interface Condition {

        Boolean test(CompanyMetrics figures);

        static Condition of(RuleExpression rule) {
            if (rule instanceof RuleExpression.Comparison comparison) {
                Method figure = Figures.ACCESSORS.get(comparison.field());
                if (figure == null) {
                    throw new IllegalArgumentException("companies have no figure '" + comparison.field() + "'");
                }
                return figures -> {
                    Double value = Figures.read(figure, figures);
                    return value == null ? null : comparison.comparator().test(value, comparison.value());
                };
            }
            if (rule instanceof RuleExpression.Not not) {
                Condition operand = of(not.operand());
                return figures -> {
                    Boolean value = operand.test(figures);
                    return value == null ? null : !value;
                };
            }
            if (rule instanceof RuleExpression.And and) {
                return both(of(and.left()), of(and.right()));
            }
            RuleExpression.Or or = (RuleExpression.Or) rule;
            return either(of(or.left()), of(or.right()));
        }

        private static Condition both(Condition left, Condition right) {
            return figures -> {
                Boolean l = left.test(figures);
                if (Boolean.FALSE.equals(l)) {
                    return false;
                }
                Boolean r = right.test(figures);
                if (Boolean.FALSE.equals(r)) {
                    return false;
                }
                return l == null || r == null ? null : true;
            };
        }

        private static Condition either(Condition left, Condition right) {
            return figures -> {
                Boolean l = left.test(figures);
                if (Boolean.TRUE.equals(l)) {
                    return true;
                }
                Boolean r = right.test(figures);
                if (Boolean.TRUE.equals(r)) {
                    return true;
                }
                return l == null || r == null ? null : false;
            };
        }
    }

    /** The numeric figures of {@link CompanyMetrics} by their published name (the record's component names). */
    final class Figures {
        static final Map<String, Method> ACCESSORS = numericAccessors();

        private Figures() {
        }

        static Double read(Method accessor, CompanyMetrics figures) {
            try {
                return (Double) accessor.invoke(figures);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessor.getName(), e);
            }
        }

        private static Map<String, Method> numericAccessors() {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : CompanyMetrics.class.getRecordComponents()) {
                if (component.getType() == Double.class) {
                    accessors.put(component.getName(), component.getAccessor());
                }
            }
            return Map.copyOf(accessors);
        }
    }
}
