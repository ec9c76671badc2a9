package io.saasreport.metrics.stream;

import io.saasreport.metrics.domain.CompanyMetrics;
import io.saasreport.metrics.domain.MacroEvent;
import io.saasreport.metrics.domain.Revised;

/**
 * One record of the universe stage's input (internal repartition topic): a company's revised figures, or a macro
 * event. Exactly one of {@code figures} and {@code macro} is set.
 */
record UniverseInput(CompanyMetrics figures, Long revision, MacroEvent macro) {

    /** The one key of the universe stage's input: every record lands in its single partition. */
    static final String KEY = "universe";

    static UniverseInput of(Revised<CompanyMetrics> figures) {
        return new UniverseInput(figures.value(), figures.revision(), null);
    }

    static UniverseInput of(MacroEvent macro) {
        return new UniverseInput(null, null, macro);
    }

    Revised<CompanyMetrics> revisedFigures() {
        return new Revised<>(figures, revision);
    }
}
