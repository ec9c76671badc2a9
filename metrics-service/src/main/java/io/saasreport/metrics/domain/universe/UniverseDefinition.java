package io.saasreport.metrics.domain.universe;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.saasreport.metrics.domain.event.EventValidation;
import io.saasreport.universe.rule.UniverseNames;
import io.saasreport.universe.rule.UniverseRules;

/**
 * A named universe as defined on {@code universe.definitions} (key: the name): either a list of tickers or a rule
 * over company figures (grammar {@code UniverseRule.g4}), never both. {@code definedAt} is when it was defined.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UniverseDefinition(String name, List<String> tickers, String rule, Instant definedAt) {

    public UniverseDefinition {
        String nameProblem = UniverseNames.problemWith(name);
        if (nameProblem != null) {
            throw new IllegalArgumentException(nameProblem + ": '" + name + "'");
        }
        if ((tickers == null) == (rule == null)) {
            throw new IllegalArgumentException("universe '" + name + "' needs either tickers or a rule, not both");
        }
        if (tickers != null) {
            tickers.forEach(EventValidation::requireTicker);
            tickers = List.copyOf(tickers);
        } else {
            UniverseRules.parse(rule); // a RuleSyntaxException says where the rule is wrong
        }
    }

    /** Which companies belong to it. */
    @JsonIgnore
    public Membership membership() {
        return tickers != null ? Membership.listed(tickers) : Membership.byRule(UniverseRules.parse(rule));
    }
}
