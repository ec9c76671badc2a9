package io.saasreport.ingest.service;

/** The outgoing channels, one per input topic; the topics are bound in application.properties. */
public final class Channels {

    public static final String PRICES = "prices-out";
    public static final String FILINGS = "filings-out";
    public static final String ESTIMATES = "estimates-out";
    public static final String MACRO = "macro-out";
    public static final String COMPANIES = "companies-out";
    /** Price corrections (market.prices, in order with the prices: the same topic, a channel of their own). */
    public static final String PRICE_CORRECTIONS = "price-corrections-out";
    /** Filing withdrawals and company removals (company.filings). */
    public static final String FILING_CORRECTIONS = "filing-corrections-out";
    /** Named universes' definitions (universe.definitions), not an event topic. */
    public static final String DEFINITIONS = "definitions-out";

    private Channels() {
    }
}
