package io.saasreport.metrics.stream;

/** What a stage emits, and where it goes: the value is already the JSON (or raw record) to write. */
record Routed(Route route, String value) {

    enum Route {
        /** A company changed: its new revision, for the table that publishes its figures once per commit. */
        COMPANY_CHANGED,
        /** A company's published figures and sources with its revision (null: a removed company's tombstone), to {@code metrics.company}. */
        COMPANY_FIGURES,
        /** The same figures without their sources, for the universe stage. */
        UNIVERSE_MEMBER,
        /** A company removed: its revision, for the universe stage (every partition). */
        COMPANY_REMOVED,
        /** A macro event as it came, for the universe stage. */
        MACRO,
        /** A universe's definition (null: its removal), for the universe stage partition of its name. */
        DEFINITION,
        /** An input record that can never be applied, unchanged, to {@code <its topic>.dlq}. */
        DEAD_LETTER,
        /** A universe's published figures (null: a removed universe's tombstone), to {@code metrics.universe}. */
        UNIVERSE_FIGURES,
        /** A universe's alert, to {@code metrics.alerts}. */
        ALERT
    }
}
