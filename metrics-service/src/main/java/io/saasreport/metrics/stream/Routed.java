package io.saasreport.metrics.stream;

/** What the first stage emits, and where it goes: the value is already the JSON (or raw record) to write. */
record Routed(Route route, String value) {

    enum Route {
        /** A company's published figures, to {@code metrics.company}. */
        COMPANY_FIGURES,
        /** Figures or a macro event for the universe stage, through the single-partition repartition topic. */
        UNIVERSE_INPUT,
        /** An input record that can never be applied, unchanged, to {@code <its topic>.dlq}. */
        DEAD_LETTER
    }
}
