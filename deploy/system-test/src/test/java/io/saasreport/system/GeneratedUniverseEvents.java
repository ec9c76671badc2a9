package io.saasreport.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded universe of fictional companies as NDJSON events, in the order a busy feed delivers them: companies
 * interleaved, prices out of order, some events twice, restated quarters, estimates replaced, a few macro values.
 */
final class GeneratedUniverseEvents {

    private static final Instant LAST_CLOSE = Instant.parse("2026-11-20T21:00:00Z");
    private static final LocalDate LAST_QUARTER_END = LocalDate.parse("2026-10-31");

    private GeneratedUniverseEvents() {
    }

    static List<String> generate(int companies, long seed) {
        Random random = new Random(seed);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= companies; i++) {
            company(events, String.format(Locale.ROOT, "SYS%03d", i), random);
        }
        for (int day = 0; day < 5; day++) {
            events.add(String.format(Locale.ROOT, "{\"type\":\"macro\",\"asOf\":\"%s\",\"tenYearYield\":%.2f}",
                    LAST_CLOSE.minus(Duration.ofDays(day)), 3.8 + random.nextInt(80) / 100.0));
        }
        List<String> duplicates = new ArrayList<>();
        for (String event : events) {
            if (random.nextInt(10) == 0) {
                duplicates.add(event);
            }
        }
        events.addAll(duplicates);
        Collections.shuffle(events, random);
        return events;
    }

    private static void company(List<String> out, String ticker, Random random) {
        out.add(String.format(Locale.ROOT, "{\"type\":\"company\",\"ticker\":\"%s\",\"name\":\"%s Systems [generated]\"}",
                ticker, ticker));
        double growth = Math.pow(1 + 0.04 + random.nextDouble() * 0.45, 0.25) - 1;
        double revenue = 40e6 + random.nextDouble() * 900e6;
        double shares = 80e6 + random.nextDouble() * 400e6;
        for (int back = 7; back >= 0; back--) {
            out.add(filing(ticker, back, revenue / Math.pow(1 + growth, back), shares, random, 0));
        }
        if (random.nextBoolean()) { // a restatement of the latest quarter, filed later
            out.add(filing(ticker, 0, revenue * 1.01, shares, random, 2));
        }
        for (int version = 0; version < 2; version++) {
            double ntm = revenue * 4 * (1 + growth * 4) * (0.95 + random.nextDouble() * 0.1);
            out.add(String.format(Locale.ROOT, "{\"type\":\"estimate\",\"ticker\":\"%s\",\"asOf\":\"%s\","
                            + "\"ntmRevenue\":%.2f,\"ntmFcf\":%.2f}",
                    ticker, LAST_CLOSE.minus(Duration.ofDays(10 - version * 5)), ntm, ntm * (random.nextDouble() * 0.4 - 0.05)));
        }
        double price = 20 + random.nextDouble() * 300;
        for (int day = 14; day >= 0; day--) {
            price *= 1 + (random.nextDouble() - 0.5) * 0.06;
            out.add(String.format(Locale.ROOT, "{\"type\":\"price\",\"ticker\":\"%s\",\"price\":%.2f,\"at\":\"%s\"}",
                    ticker, price, LAST_CLOSE.minus(Duration.ofDays(day))));
        }
    }

    private static String filing(String ticker, int back, double revenue, double shares, Random random, int daysLater) {
        LocalDate periodEnd = LAST_QUARTER_END.minusMonths(3L * back);
        // Filed 15 days after the quarter: the latest quarter's filing then lies before the last close, never in the
        // future that the ingest API refuses (ingest.future-tolerance).
        Instant filedAt = periodEnd.plusDays(15 + daysLater).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        return String.format(Locale.ROOT,
                "{\"type\":\"filing\",\"ticker\":\"%s\",\"fiscalYear\":%d,\"fiscalQuarter\":%d,\"periodEnd\":\"%s\","
                        + "\"filedAt\":\"%s\",\"revenue\":%.2f,\"subscriptionRevenue\":%.2f,\"grossProfit\":%.2f,"
                        + "\"salesAndMarketing\":%.2f,\"researchAndDevelopment\":%.2f,\"generalAndAdministrative\":%.2f,"
                        + "\"operatingIncome\":%.2f,\"operatingCashFlow\":%.2f,\"capitalExpenditures\":%.2f,"
                        + "\"cash\":%.2f,\"debt\":%.2f,\"sharesOutstanding\":%d,\"netRevenueRetention\":%.3f}",
                ticker, 2026 - back / 4, 4 - back % 4, periodEnd, filedAt, revenue, revenue * 0.92,
                revenue * (0.62 + random.nextDouble() * 0.22), revenue * (0.22 + random.nextDouble() * 0.25),
                revenue * 0.2, revenue * 0.1, revenue * (random.nextDouble() * 0.3 - 0.15),
                revenue * (random.nextDouble() * 0.35 - 0.05), revenue * 0.02, revenue * 3, revenue * random.nextDouble(),
                (long) shares, 1.02 + random.nextDouble() * 0.28);
    }
}
