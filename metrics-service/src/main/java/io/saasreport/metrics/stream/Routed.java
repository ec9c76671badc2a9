package io.saasreport.metrics.stream;

/** What a stage emits, and where it goes: the value is already the JSON (or raw record) to write. */
record Routed(Route route, String value) {

    enum Route {
        /** A company's published figures, to {@code metrics.company}. */
        COMPANY_FIGURES,
        /** Figures, a macro event or a definition for the universe stage, through its repartition topic. */
        UNIVERSE_INPUT,
        /** An input record that can never be applied, unchanged, to {@code <its topic>.dlq}. */
        DEAD_LETTER,
        /** A universe's published figures (null: a removed universe's tombstone), to {@code metrics.universe}. */
        UNIVERSE_FIGURES,
        /** A universe's alert, to {@code metrics.alerts}. */
        ALERT
    }
}
