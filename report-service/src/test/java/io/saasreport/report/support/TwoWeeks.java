package io.saasreport.report.support;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two weeks of published figures around the Friday closes of 2026-11-20 and 2026-11-27 (16:00 New York = 21:00 UTC):
 * an earlier yield that morning, the worked example half an hour before the first close, a change an hour after it (which the first week's edition
 * must not see), and a second week in which every multiple is 10 % higher, a new company leads the top 10 and the
 * lowest one leaves it. Each universe is stored before the next is published (a batch keeps only a key's newest value).
 */
public final class TwoWeeks {

    public static final LocalDate WEEK_1 = LocalDate.parse("2026-11-20");
    public static final LocalDate WEEK_2 = LocalDate.parse("2026-11-27");
    public static final Instant CLOSE_1 = Instant.parse("2026-11-20T21:00:00Z");
    public static final Instant CLOSE_2 = Instant.parse("2026-11-27T21:00:00Z");
    public static final Instant EARLY_1 = CLOSE_1.minusSeconds(8 * 60 * 60);
    public static final Instant AS_OF_1 = CLOSE_1.minusSeconds(30 * 60);
    public static final Instant AFTER_CLOSE_1 = CLOSE_1.plusSeconds(60 * 60);
    public static final Instant AS_OF_2 = CLOSE_2.minusSeconds(10 * 60);
    /** The second week's multiples, as a factor of the first's. */
    public static final double GROWTH = 1.1;
    public static final String NEWCOMER = "NEWT";
    public static final double NEWCOMER_MULTIPLE = 25.0;
    /** The example's quartiles of EV / NTM revenue, as the metrics service publishes them (numpy's default rule). */
    public static final double P25 = 6.114812840509375;
    public static final double P75 = 15.14383912070457;

    public static void publish() {
        Upstream.universe(ExampleData.universe(EARLY_1, universe -> universe.put("tenYearYield", 4.31)));
        Upstream.awaitStored();
        Upstream.companies(AS_OF_1);
        Upstream.universe(week1(AS_OF_1));
        Upstream.awaitStored();
        Upstream.universe(ExampleData.universe(AFTER_CLOSE_1, universe -> {
            withQuartiles(universe, 1);
            universe.put("medianEvToNtmRevenue", 99.0);
        }));
        Upstream.awaitStored();
        ExampleData.TICKERS.forEach(ticker -> Upstream.company(ExampleData.company(ticker, AS_OF_2, company -> {
            if (company.get("evToNtmRevenue").isNumber()) {
                company.put("evToNtmRevenue", company.get("evToNtmRevenue").asDouble() * GROWTH);
            }
        })));
        Upstream.universe(week2());
        ExampleData.filings().forEach(Upstream::filing);
        Upstream.awaitStored();
    }

    public static String week1(Instant asOf) {
        return ExampleData.universe(asOf, universe -> withQuartiles(universe, 1));
    }

    private static String week2() {
        return ExampleData.universe(AS_OF_2, universe -> {
            withQuartiles(universe, GROWTH);
            for (String median : new String[] {"medianEvToNtmRevenue", "top5MedianEvToNtmRevenue"}) {
                universe.put(median, universe.get(median).asDouble() * GROWTH);
            }
            for (String bucket : new String[] {"high", "mid", "low"}) {
                ObjectNode statistics = universe.with("buckets").with(bucket);
                statistics.put("medianEvToNtmRevenue", statistics.get("medianEvToNtmRevenue").asDouble() * GROWTH);
            }
            universe.with("buckets").with("high").put("count", 7);
            ArrayNode top = universe.withArray("topByEvToNtmRevenue");
            top.forEach(entry -> ((ObjectNode) entry).put("value", entry.get("value").asDouble() * GROWTH));
            top.remove(top.size() - 1);
            top.insertObject(0).put("ticker", NEWCOMER).put("value", NEWCOMER_MULTIPLE);
            universe.with("regression").put("slope", 30.0);
            universe.put("tenYearYield", 4.4);
        });
    }

    private static void withQuartiles(ObjectNode universe, double factor) {
        universe.putObject("quartilesEvToNtmRevenue").put("p25", P25 * factor).put("p75", P75 * factor);
    }

    private TwoWeeks() {
    }
}
