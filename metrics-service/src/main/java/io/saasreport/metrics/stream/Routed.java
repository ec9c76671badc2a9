package io.saasreport.metrics.stream;

import java.nio.charset.StandardCharsets;

/**
 * What a stage emits, and where it goes: the value is already the JSON (or raw record) to write; a company's figures
 * are bytes, with no text: for {@code metrics.company} their JSON in UTF-8, for the universe stage
 * {@link CompactFigures}.
 */
record Routed(Route route, String value, byte[] bytes) {

    Routed(Route route, String value) {
        this(route, value, null);
    }

    /** A company's figures and sources for {@code metrics.company}, their JSON in UTF-8 (null: a tombstone). */
    static Routed companyFigures(byte[] json) {
        return new Routed(Route.COMPANY_FIGURES, null, json);
    }

    /** A company's figures for the universe stage. */
    static Routed universeMember(byte[] compactFigures) {
        return new Routed(Route.UNIVERSE_MEMBER, null, compactFigures);
    }

    /** The value as the universe stage's input carries it: the bytes, or the text in UTF-8 (as its records were). */
    byte[] universeInput() {
        return bytes != null ? bytes : value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    enum Route {
        /** A company changed: its new revision, for the table that publishes its figures once per commit. */
        COMPANY_CHANGED,
        /** A company's published figures and sources with its revision (null: a removed company's tombstone), to {@code metrics.company}. */
        COMPANY_FIGURES,
        /** The same figures without their sources, compact, for the universe stage. */
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
