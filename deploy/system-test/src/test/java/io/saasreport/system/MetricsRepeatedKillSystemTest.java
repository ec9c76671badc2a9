package io.saasreport.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.saasreport.stack.LocalStack;

/**
 * The only metrics instance is SIGKILLed three times while a generated universe streams in through the ingest
 * API, and started again each time: exactly-once processing ends at exactly the figures the engine computes
 * from the same events in one uninterrupted run (nothing lost, nothing applied twice, no aborted figure seen).
 */
class MetricsRepeatedKillSystemTest {

    private static final int COMPANIES = 80;
    private static final int CHUNK = 25;
    private static final Duration TIMEOUT = Duration.ofSeconds(240);

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.freshStack();
    }

    @Test
    void threeCrashesMidStreamEndAtTheExactFigures() throws Exception {
        List<String> events = GeneratedUniverseEvents.generate(COMPANIES, 20261130L);
        ExpectedFigures expected = ExpectedFigures.computedFrom(events);
        List<List<String>> chunks = Ingest.chunks(events, CHUNK);
        Ingest ingest = new Ingest(stack);
        int quarter = chunks.size() / 4;

        for (int crash = 1; crash <= 3; crash++) {
            List<List<String>> part = chunks.subList((crash - 1) * quarter, crash * quarter);
            // The events keep coming while the instance dies and comes back.
            CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> postSlowly(ingest, part));
            Thread.sleep(part.size() * 20L); // about half of this part is in
            stack.kill(LocalStack.METRICS);
            stack.start(LocalStack.METRICS);
            streaming.get(2, TimeUnit.MINUTES);
        }
        for (List<String> chunk : chunks.subList(3 * quarter, chunks.size())) {
            ingest.post(chunk);
        }

        expected.awaitOnTheOutputTopics(new OutputTopics(stack.bootstrapServers()), TIMEOUT);
        expected.awaitInTheReport(TIMEOUT);
    }

    private static void postSlowly(Ingest ingest, List<List<String>> chunks) {
        try {
            for (List<String> chunk : chunks) {
                ingest.post(chunk);
                Thread.sleep(40);
            }
        } catch (Exception e) {
            throw new IllegalStateException("posting events failed", e);
        }
    }
}
