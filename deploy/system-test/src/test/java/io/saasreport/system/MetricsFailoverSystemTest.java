package io.saasreport.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.saasreport.stack.FreePort;
import io.saasreport.stack.LocalStack;
import io.saasreport.stack.ServiceProcess;

/**
 * Two metrics instances share the work by partitions; the one running the default universe's task is SIGKILLed
 * while the worked example streams in, and the survivor takes over its tasks (state from the changelogs or its
 * standby): the final figures are exactly the example's, on the output topics and in the report.
 */
class MetricsFailoverSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(180);
    /**
     * The default universe's task: sub-topology 1 (the universe stage, metrics.universe.partitions = 3), the
     * partition its name falls on (Kafka's murmur2 of the name, as the metrics service's UniversePartitioner).
     */
    private static final String UNIVERSE_TASK = "1_"
            + Utils.toPositive(Utils.murmur2("universe".getBytes(StandardCharsets.UTF_8))) % 3;
    private static final List<String> ALL_TASKS = List.of("0_0", "0_1", "0_2", "1_0", "1_1", "1_2");

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.freshStack();
    }

    @Test
    void theSurvivorTakesOverAndEveryKeyEndsAtTheExampleFigures() throws Exception {
        ServiceProcess second = stack.launchExtraInstance(LocalStack.METRICS, FreePort.find(), Map.of());
        int first = stack.ports().metrics();
        Awaitility.await().atMost(TAKEOVER_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() ->
                !activeTasks(first).isEmpty() && !activeTasks(second.port()).isEmpty());

        List<String> lines = WorkedExampleSystemTest.resource("example/events.ndjson").lines()
                .filter(line -> !line.isBlank()).toList();
        Ingest ingest = new Ingest(stack);
        int half = lines.size() / 2;
        for (List<String> chunk : Ingest.chunks(lines.subList(0, half), 10)) {
            ingest.post(chunk);
        }
        OutputTopics topics = new OutputTopics(stack.bootstrapServers());
        Awaitility.await().atMost(TAKEOVER_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> !topics.readAll("metrics.company").isEmpty());

        boolean firstRunsTheUniverse = activeTasks(first).contains(UNIVERSE_TASK);
        if (firstRunsTheUniverse) {
            stack.kill(LocalStack.METRICS);
        } else {
            second.kill();
        }
        int survivor = firstRunsTheUniverse ? second.port() : first;
        for (List<String> chunk : Ingest.chunks(lines.subList(half, lines.size()), 10)) {
            ingest.post(chunk);
        }

        Awaitility.await().atMost(TAKEOVER_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() ->
                activeTasks(survivor).stream().sorted().toList().equals(ALL_TASKS));
        ExpectedFigures expected = ExpectedFigures.workedExample();
        expected.awaitOnTheOutputTopics(topics, TAKEOVER_TIMEOUT);
        expected.awaitInTheReport(TAKEOVER_TIMEOUT);
    }

    /** The Streams task ids an instance runs, from its readiness check. */
    static List<String> activeTasks(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : (ArrayNode) OutputTopics.json(response.body()).path("checks")) {
                if ("metrics-streams-state".equals(check.path("name").asText())) {
                    String tasks = check.path("data").path("activeTasks").asText("");
                    return tasks.isEmpty() ? List.of() : List.of(tasks.split(","));
                }
            }
            return List.of();
        } catch (Exception e) {
            return List.of(); // not listening (yet, or any more)
        }
    }
}
