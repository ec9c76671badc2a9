package io.saasreport.stack;

import java.util.List;

/** The topics of the spec's interface (shared/spec/api.md), created up front by the local stack and the tests. */
public final class Topics {

    /** Input topics are keyed by ticker; their partitions bound how far the metrics service scales out. */
    public static final int INPUT_PARTITIONS = 3;

    public static final List<String> INPUT = List.of(
            "market.prices", "company.filings", "company.estimates", "market.macro", "company.profiles");

    /** Output topics are compacted: the latest value per key is the current figure. */
    public static final List<String> COMPACTED_OUTPUT = List.of("metrics.company", "metrics.universe");

    /** Dead-letter topics of the metrics service's incoming channels, one per input topic. */
    public static List<String> deadLetter() {
        return INPUT.stream().map(topic -> topic + ".dlq").toList();
    }

    private Topics() {
    }
}
