package io.saasreport.stack;

import java.util.List;
import java.util.Map;

/** The topics of the spec's interface (shared/spec/api.md), created up front by the local stack and the tests. */
public final class Topics {

    /** Input topics are keyed by ticker; their partitions bound how far the metrics service scales out. */
    public static final int INPUT_PARTITIONS = 3;

    public static final List<String> INPUT = List.of(
            "market.prices", "company.filings", "company.estimates", "market.macro", "company.profiles");

    /**
     * How each input topic keeps its records. Those whose loss would lose figures on a replay (a reset of the
     * metrics service reads them from the start) are kept forever (filings, with their corrections; estimates;
     * macro) or compacted (profiles: the latest name per ticker is all there is); prices keep Kafka's default, a
     * week, which is as far back as the figures look.
     */
    public static final Map<String, Map<String, String>> INPUT_CONFIGS = Map.of(
            "market.prices", Map.of(),
            "company.filings", Map.of("retention.ms", "-1"),
            "company.estimates", Map.of("retention.ms", "-1"),
            "market.macro", Map.of("retention.ms", "-1"),
            "company.profiles", Map.of("cleanup.policy", "compact"));

    /** Output topics are compacted: the latest value per key is the current figure. */
    public static final List<String> COMPACTED_OUTPUT = List.of("metrics.company", "metrics.universe");

    /**
     * Named universes' definitions, keyed by name, compacted (the latest definition per name, a tombstone removes
     * it); as many partitions as the inputs, since the metrics service reads it beside them.
     */
    public static final String DEFINITIONS = "universe.definitions";

    /** The universes' alerts, keyed by universe name: events, not figures, so not compacted (kept a week). */
    public static final String ALERTS = "metrics.alerts";

    public static final String ALERTS_RETENTION_MS = String.valueOf(7L * 24 * 60 * 60 * 1000);

    /**
     * Dead-letter topics: the metrics service's, one per input topic and the definitions ({@code <topic>.dlq}), and the
     * report service's, one per topic it reads ({@code <topic>.report-dlq}).
     */
    public static List<String> deadLetter() {
        var metrics = java.util.stream.Stream.concat(INPUT.stream(), java.util.stream.Stream.of(DEFINITIONS))
                .map(topic -> topic + ".dlq");
        var report = List.of("metrics.company", "metrics.universe", "company.filings", ALERTS).stream()
                .map(topic -> topic + ".report-dlq");
        return java.util.stream.Stream.concat(metrics, report).toList();
    }

    private Topics() {
    }
}
