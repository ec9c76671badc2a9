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

    /**
     * Dead-letter topics: the metrics service's, one per input topic ({@code <topic>.dlq}), and the
     * report service's, one per topic it reads ({@code <topic>.report-dlq}).
     */
    public static List<String> deadLetter() {
        var metrics = INPUT.stream().map(topic -> topic + ".dlq");
        var report = List.of("metrics.company", "metrics.universe", "company.filings").stream()
                .map(topic -> topic + ".report-dlq");
        return java.util.stream.Stream.concat(metrics, report).toList();
    }

    private Topics() {
    }
}
