package io.saasreport.metrics.domain.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.metrics.domain.WorkedExample;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.Filing;
import io.saasreport.metrics.domain.event.FiscalQuarter;
import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * The sources published with the figures, over the spec's worked example: a complete company with a restated latest
 * quarter (BPH), one without the eight quarters the LTM growth needs (JPJH), one whose estimate is blended from
 * FY1/FY2 (QJIR). The expected inputs are read off the spec's definitions and the example's events, not the code.
 */
class CompanySourcesTest {

    private static final String PRICE = "price";
    private static final String REFERENCE = "weeklyReference";
    private static final String Q0 = "latestQuarter";
    private static final String Q1 = "previousQuarter";
    private static final String LTM = "ltmQuarters";
    private static final String PRIOR = "priorLtmQuarters";
    private static final String ESTIMATE = "estimate";

    /** Each figure's inputs as the spec's "Company metrics" table defines it. */
    private static final Map<String, List<String>> SPEC_INPUTS = specInputs();

    private static Map<String, List<String>> specInputs() {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        inputs.put("price", List.of(PRICE));
        inputs.put("sharesOutstanding", List.of(Q0));
        inputs.put("cash", List.of(Q0));
        inputs.put("debt", List.of(Q0));
        inputs.put("marketCap", List.of(PRICE, Q0));
        inputs.put("enterpriseValue", List.of(PRICE, Q0));
        inputs.put("ltmRevenue", List.of(LTM));
        inputs.put("ltmGrowth", List.of(LTM, PRIOR));
        inputs.put("ntmRevenue", List.of(ESTIMATE));
        inputs.put("ntmFcf", List.of(ESTIMATE));
        inputs.put("ntmGrowth", List.of(LTM, ESTIMATE));
        inputs.put("evToNtmRevenue", List.of(PRICE, Q0, ESTIMATE));
        inputs.put("growthAdjustedMultiple", List.of(PRICE, Q0, LTM, ESTIMATE));
        inputs.put("evToNtmFcf", List.of(PRICE, Q0, ESTIMATE));
        for (String margin : List.of("grossMargin", "operatingMargin", "fcfMargin", "salesMarketingPct",
                "researchDevelopmentPct", "generalAdministrativePct")) {
            inputs.put(margin, List.of(LTM));
        }
        inputs.put("ntmFcfMargin", List.of(ESTIMATE));
        inputs.put("ruleOf40Ltm", List.of(LTM, PRIOR));
        inputs.put("ruleOf40Ntm", List.of(LTM, ESTIMATE));
        inputs.put("netRevenueRetention", List.of(Q0));
        inputs.put("impliedArr", List.of(Q0));
        inputs.put("netNewArr", List.of(Q0, Q1));
        inputs.put("gmAdjustedPaybackMonths", List.of(Q0, Q1));
        inputs.put("weeklyPriceChange", List.of(PRICE, REFERENCE));
        return inputs;
    }

    @Test
    void completeCompanyNamesItsPriceRestatedQuarterBothLtmsAndItsEstimate() {
        CompanySources sources = sourcesOf("BPH");

        assertEquals(new CompanySources.PriceSource(1164.47, Instant.parse("2026-11-20T21:21:00Z"), "BPH-price-16"), sources.price());
        assertEquals(referencePrice("BPH"), sources.weeklyReference());
        // FY2026 Q1 was filed on 11-10, restated on 11-15 (and an older copy replayed after it, which changes nothing).
        assertEquals(new CompanySources.QuarterSource(2026, 1, LocalDate.parse("2026-10-11"),
                Instant.parse("2026-11-15T21:05:00Z"), true, "BPH-filing-13"), sources.latestQuarter());
        assertEquals(List.of("FY2026 Q1", "FY2025 Q4", "FY2025 Q3", "FY2025 Q2"), labels(sources.ltmQuarters()));
        assertEquals(List.of("FY2025 Q1", "FY2024 Q4", "FY2024 Q3", "FY2024 Q2"), labels(sources.priorLtmQuarters()));
        assertEquals(sources.ltmQuarters().get(1), sources.previousQuarter());
        assertEquals(Instant.parse("2026-10-24T21:00:00Z"), sources.estimate().asOf(), "the later of its two estimates");
        assertEquals("BPH-estimate-2", sources.estimate().eventId());
        assertNull(sources.estimate().blendWeight(), "given as NTM figures, nothing blended");

        assertEquals(SPEC_INPUTS, uses(sources));
        assertEquals(Map.of(), missing(sources));
    }

    @Test
    void companyWithoutEightQuartersSaysWhichTheLtmGrowthLacks() {
        CompanySources sources = sourcesOf("JPJH");

        assertEquals(List.of("FY2026 Q1", "FY2025 Q4", "FY2025 Q3", "FY2025 Q2"), labels(sources.ltmQuarters()));
        assertNull(sources.priorLtmQuarters());
        assertEquals(SPEC_INPUTS, uses(sources));
        String gap = "LTM growth needs eight consecutive quarters; held: FY2026 Q1, FY2025 Q4, FY2025 Q3, FY2025 Q2, FY2025 Q1";
        double ntmFcf = expected("JPJH").path("ntmFcf").asDouble();
        assertTrue(ntmFcf <= 0);
        assertEquals(Map.of("ltmGrowth", gap, "ruleOf40Ltm", gap, "evToNtmFcf", "ntmFcf is not positive (" + BigDecimal.valueOf(ntmFcf).toPlainString() + ")"),
                missing(sources));
    }

    @Test
    void blendedEstimateCarriesItsFiscalYearFiguresAndWeight() {
        CompanySources sources = sourcesOf("QJIR");

        CompanySources.EstimateSource estimate = sources.estimate();
        assertEquals(Instant.parse("2026-11-14T21:00:00Z"), estimate.asOf());
        assertEquals(LocalDate.parse("2026-12-21"), estimate.fy1End());
        assertNull(estimate.ntmRevenue());
        // w = days(2026-11-14, 2026-12-21) / 365
        assertEquals(37 / 365.0, estimate.blendWeight(), 1e-15);
        double w = estimate.blendWeight();
        assertEquals(expected("QJIR").path("ntmRevenue").asDouble(),
                w * estimate.fy1Revenue() + (1 - w) * estimate.fy2Revenue(), 1e-3);
        assertEquals(expected("QJIR").path("ntmFcf").asDouble(), w * estimate.fy1Fcf() + (1 - w) * estimate.fy2Fcf(), 1e-3);
        assertEquals(SPEC_INPUTS, uses(sources));
        assertEquals(Map.of(), missing(sources));
    }

    @Test
    void aGapInTheLastFourQuartersNamesTheQuartersHeld() {
        CompanyState state = new CompanyState("GAP");
        state.apply(Filing.of("GAP", 2026, 1).revenue(100.0).subscriptionRevenue(null).build());
        state.apply(Filing.of("GAP", 2025, 4).revenue(90.0).build());
        state.apply(Filing.of("GAP", 2025, 2).revenue(80.0).build());
        state.apply(EstimateEvent.ntm("GAP", Instant.parse("2026-01-01T00:00:00Z"), 500.0, 50.0));

        CompanySources sources = CompanyMetricsCalculator.computeWithSources(state).sources();

        String gap = "LTM needs four consecutive quarters; held: FY2026 Q1, FY2025 Q4, FY2025 Q2";
        assertEquals(gap, sources.figures().get("ltmRevenue").missing());
        assertEquals(gap, sources.figures().get("grossMargin").missing());
        assertEquals(gap, sources.figures().get("ntmGrowth").missing(), "the estimate is there, the LTM is not");
        assertEquals("no price held", sources.figures().get("evToNtmRevenue").missing());
        assertEquals("FY2026 Q1 does not report subscriptionRevenue", sources.figures().get("impliedArr").missing());
        assertNull(sources.ltmQuarters());
    }

    @Test
    void everyNullFigureOfTheExampleSaysWhyAndNoOtherDoes() {
        for (JsonNode company : WorkedExample.expectedCompanies()) {
            String ticker = company.path("ticker").asText();
            Map<String, String> missing = missing(sourcesOf(ticker));
            for (String figure : CompanyMetrics.FIGURES) {
                assertEquals(company.path(figure).isNull(), missing.containsKey(figure), ticker + " " + figure);
            }
        }
    }

    /** The example's events applied in order, each with an id as the stream stage gives it: ticker-type-n. */
    private static CompanySources sourcesOf(String ticker) {
        CompanyState state = new CompanyState(ticker);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MarketEvent event : WorkedExample.events()) {
            if (event instanceof CompanyScopedEvent companyEvent && companyEvent.ticker().equals(ticker)) {
                String type = event.getClass().getSimpleName().replace("Event", "").toLowerCase();
                int n = counts.merge(type, 1, Integer::sum);
                state.apply(companyEvent.withEventId(ticker + "-" + type + "-" + n));
            }
        }
        return CompanyMetricsCalculator.computeWithSources(state).sources();
    }

    /** The spec's p_ref from the example's events: the last price at or before (latest − 7 days), with its id. */
    private static CompanySources.PriceSource referencePrice(String ticker) {
        List<PriceEvent> prices = WorkedExample.events().stream()
                .filter(event -> event instanceof PriceEvent price && price.ticker().equals(ticker))
                .map(PriceEvent.class::cast).toList();
        Instant cutoff = prices.stream().map(PriceEvent::at).max(Comparator.naturalOrder()).orElseThrow()
                .minus(Duration.ofDays(7));
        PriceEvent reference = prices.stream().filter(price -> !price.at().isAfter(cutoff))
                .max(Comparator.comparing(PriceEvent::at)).orElseThrow();
        return new CompanySources.PriceSource(reference.price(), reference.at(), ticker + "-price-" + (prices.indexOf(reference) + 1));
    }

    private static JsonNode expected(String ticker) {
        for (JsonNode company : WorkedExample.expectedCompanies()) {
            if (company.path("ticker").asText().equals(ticker)) {
                return company;
            }
        }
        throw new AssertionError(ticker);
    }

    private static List<String> labels(List<CompanySources.QuarterSource> quarters) {
        return quarters.stream().map(quarter -> new FiscalQuarter(quarter.fiscalYear(), quarter.fiscalQuarter()).label()).toList();
    }

    private static Map<String, List<String>> uses(CompanySources sources) {
        Map<String, List<String>> uses = new LinkedHashMap<>();
        sources.figures().forEach((figure, source) -> uses.put(figure, source.uses()));
        return uses;
    }

    private static Map<String, String> missing(CompanySources sources) {
        return sources.figures().entrySet().stream().filter(entry -> entry.getValue().missing() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().missing()));
    }
}
