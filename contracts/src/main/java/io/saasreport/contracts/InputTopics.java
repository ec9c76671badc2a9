package io.saasreport.contracts;

import java.util.List;

/**
 * The names of the topics the ingest service writes, the system's inputs (the spec's interface): the one place they
 * are spelled in code. Each has its value schema under {@link TopicSchemas}.
 */
public final class InputTopics {

    /** Prices, keyed by ticker; price corrections travel here too, in order with the prices. */
    public static final String PRICES = "market.prices";
    /** Quarterly filings, keyed by ticker; filing withdrawals and company removals travel here too. */
    public static final String FILINGS = "company.filings";
    public static final String ESTIMATES = "company.estimates";
    public static final String MACRO = "market.macro";
    public static final String PROFILES = "company.profiles";
    /** Named universes' definitions, keyed by name, compacted (a tombstone removes one). */
    public static final String DEFINITIONS = "universe.definitions";

    /** Every topic the ingest service writes. */
    public static final List<String> ALL = List.of(PRICES, FILINGS, ESTIMATES, MACRO, PROFILES, DEFINITIONS);

    private InputTopics() {
    }
}
