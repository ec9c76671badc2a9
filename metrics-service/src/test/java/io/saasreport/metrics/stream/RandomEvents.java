package io.saasreport.metrics.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random input events as NDJSON lines, seeded: names, filings with gaps and restatements, NTM and fiscal-year
 * estimates, prices in and out of order (duplicates included), macro values. Figures land on both sides of the
 * universe's thresholds so buckets, top lists and the regression all move.
 */
final class RandomEvents {

    private static final Instant T0 = Instant.parse("2026-10-01T21:00:00Z");

    private final Random random;
    private final List<String> tickers;

    RandomEvents(long seed, List<String> tickers) {
        this.random = new Random(seed);
        this.tickers = tickers;
    }

    Random random() {
        return random;
    }

    String next() {
        String ticker = tickers.get(random.nextInt(tickers.size()));
        int kind = random.nextInt(100);
        if (kind < 8) {
            return company(ticker);
        }
        if (kind < 40) {
            return filing(ticker);
        }
        if (kind < 52) {
            return estimate(ticker);
        }
        if (kind < 56) {
            return macro();
        }
        return price(ticker);
    }

    private String company(String ticker) {
        return String.format(Locale.ROOT, "{\"type\":\"company\",\"ticker\":\"%s\",\"name\":\"%s %d Inc.\"}",
                ticker, ticker, random.nextInt(3));
    }

    private String filing(String ticker) {
        int back = random.nextInt(10);
        int year = 2026 - back / 4;
        int quarter = 4 - back % 4;
        LocalDate periodEnd = LocalDate.of(year, quarter * 3, 28);
        Instant filedAt = T0.minus(Duration.ofDays(40L * back)).plus(Duration.ofHours(random.nextInt(3)));
        double revenue = 50 + random.nextInt(400) + 10.0 * (10 - back);
        return String.format(Locale.ROOT, "{\"type\":\"filing\",\"ticker\":\"%s\",\"fiscalYear\":%d,\"fiscalQuarter\":%d,"
                        + "\"periodEnd\":\"%s\",\"filedAt\":\"%s\",\"revenue\":%s,\"subscriptionRevenue\":%s,"
                        + "\"grossProfit\":%s,\"salesAndMarketing\":%s,\"researchAndDevelopment\":%s,"
                        + "\"generalAndAdministrative\":%s,\"operatingIncome\":%s,\"operatingCashFlow\":%s,"
                        + "\"capitalExpenditures\":%s,\"cash\":%s,\"debt\":%s,\"sharesOutstanding\":%s,"
                        + "\"netRevenueRetention\":%s}",
                ticker, year, quarter, periodEnd, filedAt, revenue, maybe(revenue * 0.9), maybe(revenue * 0.75),
                maybe(revenue * 0.4), maybe(revenue * 0.2), maybe(revenue * 0.1), maybe(revenue * (random.nextDouble() - 0.3)),
                maybe(revenue * 0.2), maybe(revenue * 0.02), maybe(revenue * 3), maybe(revenue), maybeLong(),
                maybe(1 + random.nextDouble() * 0.3));
    }

    private String estimate(String ticker) {
        Instant asOf = T0.plus(Duration.ofDays(random.nextInt(30)));
        double revenue = 200 + random.nextInt(2000);
        if (random.nextBoolean()) {
            return String.format(Locale.ROOT, "{\"type\":\"estimate\",\"ticker\":\"%s\",\"asOf\":\"%s\",\"ntmRevenue\":%s,"
                    + "\"ntmFcf\":%s}", ticker, asOf, revenue, maybe(revenue * (random.nextDouble() - 0.1)));
        }
        return String.format(Locale.ROOT, "{\"type\":\"estimate\",\"ticker\":\"%s\",\"asOf\":\"%s\",\"fy1Revenue\":%s,"
                        + "\"fy2Revenue\":%s,\"fy1End\":\"2027-01-31\",\"fy1Fcf\":%s,\"fy2Fcf\":%s}",
                ticker, asOf, revenue, revenue * 1.2, maybe(revenue * 0.2), maybe(revenue * 0.25));
    }

    private String macro() {
        return String.format(Locale.ROOT, "{\"type\":\"macro\",\"asOf\":\"%s\",\"tenYearYield\":%s}",
                T0.plus(Duration.ofHours(random.nextInt(500))), 3 + random.nextInt(200) / 100.0);
    }

    private String price(String ticker) {
        Instant at = T0.plus(Duration.ofHours(random.nextInt(24 * 20)));
        return String.format(Locale.ROOT, "{\"type\":\"price\",\"ticker\":\"%s\",\"price\":%s,\"at\":\"%s\"}",
                ticker, 5 + random.nextInt(5000) / 100.0, at);
    }

    private String maybe(double value) {
        return random.nextInt(12) == 0 ? "null" : Double.toString(value);
    }

    private String maybeLong() {
        return random.nextInt(12) == 0 ? "null" : Long.toString(100 + random.nextInt(900));
    }
}
