package io.saasreport.metrics.stream;

import io.saasreport.metrics.domain.CompanyMetrics;
import io.saasreport.metrics.domain.MacroEvent;
import io.saasreport.metrics.domain.Revised;
import io.saasreport.metrics.domain.UniverseDefinition;

/**
 * One record of the universe stage's input (internal repartition topic): a company's revised figures, a macro
 * event, a universe's definition, or the name of a removed universe. Exactly one is set.
 */
record UniverseInput(CompanyMetrics figures, Long revision, MacroEvent macro, UniverseDefinition definition,
        String removed) {

    /**
     * The key of figures and macro events: every part of the universe stage needs them, so
     * {@link UniversePartitioner} sends them to every partition. Definitions are keyed by their universe's name (never
     * this one, the default universe's) and go to that name's partition.
     */
    static final String KEY = "universe";

    static UniverseInput of(Revised<CompanyMetrics> figures) {
        return new UniverseInput(figures.value(), figures.revision(), null, null, null);
    }

    static UniverseInput of(MacroEvent macro) {
        return new UniverseInput(null, null, macro, null, null);
    }

    static UniverseInput of(UniverseDefinition definition) {
        return new UniverseInput(null, null, null, definition, null);
    }

    static UniverseInput removal(String name) {
        return new UniverseInput(null, null, null, null, name);
    }

    Revised<CompanyMetrics> revisedFigures() {
        return new Revised<>(figures, revision);
    }
}
