package io.saasreport.stack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated universe of fictional SaaS companies for the demo, so the dashboard's medians, buckets
 * and scatter have enough points. Every ticker starts with {@code GEN} and every name ends with
 * {@code [generated]}: nothing here may pass for real data. Deterministic (fixed seed). The
 * benchmark generates larger universes the same way.
 */
public final class GeneratedUniverse {

    static final int COMPANIES = 40;
    /** The last trading day of the generated prices: the demo's "now" (as in the spec's example). */
    private static final Instant LAST_CLOSE = Instant.parse("2026-11-20T21:00:00Z");
    private static final LocalDate LAST_QUARTER_END = LocalDate.parse("2026-10-31");

    private GeneratedUniverse() {
    }

    /** The demo's events as NDJSON, one JSON object a line. */
    static String ndjson() {
        return String.join("", events(COMPANIES));
    }

    /**
     * The events of {@code companies} companies (tickers {@code GEN01}… or {@code GEN0001}…, as wide as
     * the count needs), one NDJSON line each (with its newline), company by company: a profile, eight
     * quarterly filings, an estimate and ten daily closes ending 2026-11-20.
     */
    public static List<String> events(int companies) {
        Random random = new Random(20261120L);
        List<String> lines = new ArrayList<>(companies * 20);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= companies; i++) {
            company(out, ticker(i, companies), random);
            out.toString().lines().forEach(line -> lines.add(line + "\n"));
            out.setLength(0);
        }
        return lines;
    }

    /** The ticker of the {@code i}-th (from 1) of {@code companies} generated companies. */
    public static String ticker(int i, int companies) {
        return String.format(Locale.ROOT, "GEN%0" + Math.max(2, String.valueOf(companies).length()) + "d", i);
    }

    private static void company(StringBuilder out, String ticker, Random random) {
        out.append(String.format(Locale.ROOT, "{\"type\":\"company\",\"ticker\":\"%s\",\"name\":\"%s Cloud [generated]\"}%n",
                ticker, ticker.charAt(0) + ticker.substring(1).toLowerCase(Locale.ROOT)));

        double annualGrowth = 0.04 + random.nextDouble() * 0.45;
        double quarterlyGrowth = Math.pow(1 + annualGrowth, 0.25) - 1;
        double revenue = 40e6 + random.nextDouble() * 900e6; // the latest quarter
        double grossMargin = 0.62 + random.nextDouble() * 0.22;
        double salesMarketing = 0.22 + random.nextDouble() * 0.25;
        double researchDevelopment = 0.14 + random.nextDouble() * 0.16;
        double generalAdministrative = 0.07 + random.nextDouble() * 0.09;
        double cashFlowMargin = -0.05 + random.nextDouble() * 0.35;
        double shares = 80e6 + random.nextDouble() * 400e6;
        double cash = revenue * (1 + random.nextDouble() * 4);
        double debt = random.nextDouble() < 0.4 ? 0 : revenue * random.nextDouble() * 2;
        double retention = 1.02 + random.nextDouble() * 0.28;

        // Eight consecutive quarters, oldest first, so LTM and prior-year LTM both exist.
        for (int back = 7; back >= 0; back--) {
            double quarterRevenue = revenue / Math.pow(1 + quarterlyGrowth, back);
            LocalDate periodEnd = LAST_QUARTER_END.minusMonths(3L * back);
            int fiscalYear = 2026 - back / 4;
            int fiscalQuarter = 4 - back % 4;
            double noise = 1 + (random.nextDouble() - 0.5) * 0.02;
            out.append(String.format(Locale.ROOT,
                    "{\"type\":\"filing\",\"ticker\":\"%s\",\"fiscalYear\":%d,\"fiscalQuarter\":%d,"
                            + "\"periodEnd\":\"%s\",\"filedAt\":\"%s\",\"revenue\":%.2f,\"subscriptionRevenue\":%.2f,"
                            + "\"grossProfit\":%.2f,\"salesAndMarketing\":%.2f,\"researchAndDevelopment\":%.2f,"
                            + "\"generalAndAdministrative\":%.2f,\"operatingIncome\":%.2f,\"operatingCashFlow\":%.2f,"
                            + "\"capitalExpenditures\":%.2f,\"cash\":%.2f,\"debt\":%.2f,\"sharesOutstanding\":%.0f,"
                            + "\"netRevenueRetention\":%.3f}%n",
                    ticker, fiscalYear, fiscalQuarter, periodEnd, periodEnd.plusDays(19) + "T21:05:00Z",
                    quarterRevenue, quarterRevenue * 0.93 * noise, quarterRevenue * grossMargin * noise,
                    quarterRevenue * salesMarketing, quarterRevenue * researchDevelopment,
                    quarterRevenue * generalAdministrative,
                    quarterRevenue * (grossMargin - salesMarketing - researchDevelopment - generalAdministrative),
                    quarterRevenue * (cashFlowMargin + 0.03), quarterRevenue * 0.03, cash, debt, shares, retention));
        }

        double ltmRevenue = 0;
        for (int back = 0; back < 4; back++) {
            ltmRevenue += revenue / Math.pow(1 + quarterlyGrowth, back);
        }
        double ntmGrowth = annualGrowth * (0.8 + random.nextDouble() * 0.3);
        double ntmRevenue = ltmRevenue * (1 + ntmGrowth);
        double ntmFcf = ntmRevenue * (cashFlowMargin + 0.02);
        out.append(String.format(Locale.ROOT,
                "{\"type\":\"estimate\",\"ticker\":\"%s\",\"asOf\":\"2026-11-19T12:00:00Z\",\"ntmRevenue\":%.2f,\"ntmFcf\":%.2f}%n",
                ticker, ntmRevenue, ntmFcf));

        // Multiples loosely follow growth, as in the real report's scatter.
        double multiple = 2 + ntmGrowth * 40 * (0.7 + random.nextDouble() * 0.6);
        double enterpriseValue = multiple * ntmRevenue;
        double price = (enterpriseValue - debt + cash) / shares;
        double weeklyDrift = (random.nextDouble() - 0.5) * 0.2;
        for (int day = 9; day >= 0; day--) {
            double close = price / (1 + weeklyDrift * day / 7.0) * (1 + (random.nextDouble() - 0.5) * 0.01);
            out.append(String.format(Locale.ROOT, "{\"type\":\"price\",\"ticker\":\"%s\",\"price\":%.2f,\"at\":\"%s\"}%n",
                    ticker, Math.max(close, 1), LAST_CLOSE.minus(Duration.ofDays(day))));
        }
    }
}
