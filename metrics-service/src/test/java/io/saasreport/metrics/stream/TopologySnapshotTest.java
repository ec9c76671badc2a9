package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.saasreport.metrics.config.ApplicationProperties;

/**
 * The topology as Kafka Streams describes it, held to a checked-in copy. Store and repartition names are the names of
 * the changelog and internal topics a running deployment keeps its state in: a renamed one starts empty on upgrade
 * and the state is silently gone. So any change here is a decision, taken by updating the copy.
 */
class TopologySnapshotTest {

    private static final String SNAPSHOT = "topology.txt";
    private static final Pattern STORES = Pattern.compile("stores: \\[([^\\]]*)\\]");
    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda[^)\\s]*");
    private static final Pattern TOPICS = Pattern.compile("topics?: \\[?([\\w.\\-]+)");

    @Test
    void theTopologyIsTheCheckedInOne() throws IOException {
        String actual = normalized(MetricsTopology.build(ApplicationProperties.metricsConfig(),
                new ProcessingMeters(new SimpleMeterRegistry())).describe().toString());
        String expected = normalized(checkedIn());
        if (expected.equals(actual)) {
            return;
        }
        Path written = Path.of("target", "topology-actual.txt");
        Files.writeString(written, actual + "\n");
        Set<String> lostStores = difference(names(expected, STORES), names(actual, STORES));
        Set<String> lostTopics = difference(internalTopics(expected), internalTopics(actual));
        fail("The topology differs from src/test/resources/io/saasreport/metrics/stream/" + SNAPSHOT + ".\n"
                + (lostStores.isEmpty() && lostTopics.isEmpty() ? ""
                        : "Stores no longer there " + lostStores + ", internal topics no longer there " + lostTopics
                                + ": renaming a store or a repartition topic loses its state on upgrade (the new name's"
                                + " changelog starts empty; the old one is never read again). Keep the names, or"
                                + " plan the reset (docs/operations.md) and say so in the change.\n")
                + "If the change is intended: cp metrics-service/" + written + " metrics-service/src/test/resources/"
                + "io/saasreport/metrics/stream/" + SNAPSHOT);
    }

    @Test
    void everyStoreAndRepartitionTopicIsNamedNotNumbered() throws IOException {
        // Generated names (KSTREAM-…-0000000012) move whenever a node is added before them: state behind one would
        // be lost by an unrelated change.
        String described = checkedIn();
        assertEquals(Set.of(), generated(names(described, STORES)), "stores with generated names");
        assertEquals(Set.of(), generated(internalTopics(described)), "internal topics with generated names");
    }

    /** Without what differs between runs of the same code: a lambda's class and identity. */
    private static String normalized(String described) {
        return LAMBDA.matcher(described.strip()).replaceAll("\\$\\$Lambda");
    }

    private static String checkedIn() throws IOException {
        try (InputStream in = TopologySnapshotTest.class.getResourceAsStream(SNAPSHOT)) {
            if (in == null) {
                throw new IllegalStateException(SNAPSHOT + " is missing beside this test");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> names(String described, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(described);
        while (matcher.find()) {
            for (String name : matcher.group(1).split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static Set<String> internalTopics(String described) {
        Set<String> topics = new TreeSet<>();
        for (String topic : names(described, TOPICS)) {
            if (topic.endsWith("-repartition")) {
                topics.add(topic);
            }
        }
        return topics;
    }

    private static Set<String> difference(Set<String> before, Set<String> after) {
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        return gone;
    }

    private static Set<String> generated(Set<String> names) {
        Set<String> numbered = new TreeSet<>();
        for (String name : names) {
            if (name.matches(".*-\\d{10}(-.*)?")) {
                numbered.add(name);
            }
        }
        return numbered;
    }
}
