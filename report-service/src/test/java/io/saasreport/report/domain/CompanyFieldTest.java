package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CompanyFieldTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T21:21:00Z");

    private static CompanyMetrics company(String ticker, Double evToNtmRevenue) {
        return new CompanyMetrics(ticker, null, AS_OF, null, null, null, null, null, null, null, null, null, null, null,
                evToNtmRevenue, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static List<String> sorted(String field, SortOrder order, CompanyMetrics... companies) {
        return Stream.of(companies).sorted(CompanyField.named(field).orElseThrow().ordering(order))
                .map(CompanyMetrics::ticker).toList();
    }

    @Test
    void theFieldsAreTheCompaniesTableOfTheSpecInItsOrder() {
        assertEquals(List.of("ticker", "name", "asOf", "price", "sharesOutstanding", "cash", "debt", "marketCap",
                "enterpriseValue", "ltmRevenue", "ltmGrowth", "ntmRevenue", "ntmFcf", "ntmGrowth", "evToNtmRevenue",
                "growthAdjustedMultiple", "evToNtmFcf", "grossMargin", "operatingMargin", "fcfMargin", "salesMarketingPct",
                "researchDevelopmentPct", "generalAdministrativePct", "ntmFcfMargin", "ruleOf40Ltm", "ruleOf40Ntm",
                "netRevenueRetention", "impliedArr", "netNewArr", "gmAdjustedPaybackMonths", "weeklyPriceChange",
                "growthBucket"),
                CompanyField.names());
    }

    @Test
    void unknownValuesSortLastInBothDirections() {
        CompanyMetrics[] companies = { company("AAA", null), company("BBB", 12.0), company("CCC", 3.5) };

        assertEquals(List.of("CCC", "BBB", "AAA"), sorted("evToNtmRevenue", SortOrder.ASC, companies));
        assertEquals(List.of("BBB", "CCC", "AAA"), sorted("evToNtmRevenue", SortOrder.DESC, companies));
    }

    @Test
    void tiesAreBrokenByTicker() {
        assertEquals(List.of("AAA", "BBB", "CCC"),
                sorted("evToNtmRevenue", SortOrder.DESC, company("CCC", 5.0), company("AAA", 5.0), company("BBB", 5.0)));
    }

    @Test
    void unknownNamesAreNoField() {
        assertTrue(CompanyField.named("evToNtmRevenue").isPresent());
        assertTrue(CompanyField.named("bogus").isEmpty());
    }
}
