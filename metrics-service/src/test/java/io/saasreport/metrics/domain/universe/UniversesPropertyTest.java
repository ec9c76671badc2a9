package io.saasreport.metrics.domain.universe;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.RandomMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.event.MacroEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property test of the named universes as seeded random loops: companies' figures come and go across list and rule
 * universes (joining, leaving, replays, redefinitions, macro events), and whenever the universes publish, every
 * universe's members and last published snapshot equal a brute-force recomputation over the companies its
 * definition takes. Publications are spaced at random, so the statistics run many updates between two snapshots.
 */
class UniversesPropertyTest {

    private static final int SEEDS = 12;
    private static final int STEPS = 1_500;
    private static final Instant DEFINED = Instant.parse("2026-06-01T00:00:00Z");
    private static final String[] RULES = {"ntmGrowth > 0.15", "evToNtmRevenue < 20 and grossMargin > 0.5",
        "not (fcfMargin < 0)", "ntmGrowth < 0.22 or weeklyPriceChange > 0.1"};

    @Test
    void everyUniverseEqualsBruteForceOverItsMembersWheneverItPublishes() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            runRandomSequence(seed, 5 + (int) (seed % 4) * 10);
        }
    }

    private static void runRandomSequence(long seed, int tickerCount) {
        RandomMetrics generator = new RandomMetrics(seed);
        Random random = generator.random();
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < tickerCount; i++) {
            tickers.add(String.format("T%03d", i));
        }
        Universes universes = Universes.restore(new AlertThresholds(0.10, 0.05), true, List.of(), List.of(),
                name -> null, null);
        Map<String, Membership> memberships = new HashMap<>();
        memberships.put(Universes.DEFAULT, Membership.everyCompany());
        Map<String, Revised<CompanyMetrics>> current = new HashMap<>();
        Map<String, UniverseSnapshot> published = new HashMap<>();
        MacroEvent macro = null;
        long revision = 0;
        for (int step = 0; step < STEPS; step++) {
            String context = "seed " + seed + " step " + step;
            int action = random.nextInt(100);
            String ticker = tickers.get(random.nextInt(tickers.size()));
            if (action < 80) {
                CompanyMetrics figures = random.nextInt(15) == 0 ? RandomMetrics.empty(ticker)
                        : generator.company(ticker);
                Revised<CompanyMetrics> revised = new Revised<>(figures, ++revision);
                assertTrue(universes.accept(revised).taken(), context);
                current.put(ticker, revised);
            } else if (action < 85 && current.containsKey(ticker)) {
                // A replay of older figures changes nothing.
                Revised<CompanyMetrics> held = current.get(ticker);
                assertFalse(universes.accept(new Revised<>(generator.company(ticker), held.revision())).taken(),
                        context);
            } else if (action < 93) {
                UniverseDefinition definition = random.nextBoolean()
                        ? new UniverseDefinition("rule-" + random.nextInt(3), null,
                                RULES[random.nextInt(RULES.length)], DEFINED)
                        : new UniverseDefinition("list-" + random.nextInt(2), randomTickers(tickers, random), null,
                                DEFINED);
                universes.define(definition);
                memberships.put(definition.name(), definition.membership());
            } else if (action < 95) {
                MacroEvent event = new MacroEvent(DEFINED.plusSeconds(random.nextInt(1_000_000)),
                        3 + random.nextDouble() * 2);
                if (universes.accept(event)) {
                    macro = event;
                }
            }
            if (random.nextInt(25) == 0 || step == STEPS - 1) {
                for (Universes.Publication publication : universes.publishIfChanged()) {
                    published.put(publication.name(), publication.snapshot().value());
                }
                assertEveryUniverseAsBruteForce(universes, memberships, current, published, macro, context);
            }
        }
    }

    private static void assertEveryUniverseAsBruteForce(Universes universes,
            Map<String, Membership> memberships, Map<String, Revised<CompanyMetrics>> current,
            Map<String, UniverseSnapshot> published, MacroEvent macro, String context) {
        assertEquals(memberships.keySet(), Set.copyOf(universes.names()), context);
        for (Map.Entry<String, Membership> universe : memberships.entrySet()) {
            Membership membership = universe.getValue();
            List<CompanyMetrics> members = new ArrayList<>();
            Set<String> memberTickers = new HashSet<>();
            for (Revised<CompanyMetrics> company : current.values()) {
                if (membership.includes(company.value())) {
                    members.add(company.value());
                    memberTickers.add(company.value().ticker());
                }
            }
            String where = context + " universe " + universe.getKey();
            assertEquals(memberTickers, universes.members(universe.getKey()), where + " members");
            UniverseSnapshot expected = BruteForceUniverse.compute(members, macro);
            if (expected.asOf() != null) {
                UniverseAssertions.assertSameUniverse(expected, published.get(universe.getKey()), where);
            }
        }
    }

    private static List<String> randomTickers(List<String> tickers, Random random) {
        List<String> chosen = new ArrayList<>();
        for (String ticker : tickers) {
            if (random.nextInt(3) == 0) {
                chosen.add(ticker);
            }
        }
        return chosen;
    }
}
