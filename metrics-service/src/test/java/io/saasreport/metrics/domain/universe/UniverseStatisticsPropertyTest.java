package io.saasreport.metrics.domain.universe;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.RandomMetrics;
import io.saasreport.metrics.domain.event.MacroEvent;

/**
 * Property tests as seeded random loops: after every step of a random sequence of updates, removals, all-null
 * transitions and macro events, the incremental statistics equal a brute-force recomputation (sort everything),
 * field by field. Seeds are fixed so a failure is reproducible from its message.
 */
class UniverseStatisticsPropertyTest {

    private static final int SEEDS = 40;
    private static final int STEPS = 600;

    @Test
    void incrementalStatisticsEqualBruteForceAfterEveryStep() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            runRandomSequence(seed, 3 + (int) (seed % 5) * 8);
        }
    }

    @Test
    void smallUniversesAroundTheFiveAndThreeCompanyThresholds() {
        for (long seed = 100; seed < 100 + SEEDS; seed++) {
            runRandomSequence(seed, 6);
        }
    }

    private static void runRandomSequence(long seed, int tickerCount) {
        RandomMetrics generator = new RandomMetrics(seed);
        Random random = generator.random();
        UniverseStatistics statistics = new UniverseStatistics();
        Map<String, CompanyMetrics> current = new HashMap<>();
        MacroEvent macro = null;
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < tickerCount; i++) {
            tickers.add(String.format("T%03d", i));
        }
        for (int step = 0; step < STEPS; step++) {
            String ticker = tickers.get(random.nextInt(tickers.size()));
            int action = random.nextInt(20);
            if (action < 14) {
                CompanyMetrics metrics = generator.company(ticker);
                statistics.update(metrics);
                current.put(ticker, metrics);
            } else if (action < 16) {
                statistics.remove(ticker);
                current.remove(ticker);
            } else if (action < 18) {
                CompanyMetrics empty = RandomMetrics.empty(ticker);
                statistics.update(empty);
                current.put(ticker, empty);
            } else {
                MacroEvent event = new MacroEvent(Instant.parse("2026-06-01T00:00:00Z")
                        .plusSeconds(random.nextInt(1_000_000)), 3 + random.nextDouble() * 2);
                statistics.applyMacro(event);
                if (macro == null || event.asOf().isAfter(macro.asOf())) {
                    macro = event;
                }
            }
            UniverseAssertions.assertSameUniverse(
                    BruteForceUniverse.compute(current.values(), macro), statistics.snapshot(),
                    "seed " + seed + " step " + step);
        }
    }
}
