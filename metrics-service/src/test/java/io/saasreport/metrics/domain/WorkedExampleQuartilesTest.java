package io.saasreport.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.metrics.domain.universe.UniverseSnapshot;

/**
 * The quartiles of the worked example, computed here without the engine: the spec's expected company figures
 * ({@code expected-companies.json}), sorted, and the numpy-default rule written out per value set. The spec's
 * example has no quartiles, so this is what pins them to the example's data.
 */
class WorkedExampleQuartilesTest {

    private static final double TOLERANCE = 1e-9;

    private final UniverseSnapshot universe = WorkedExample.engineFedWith(WorkedExample.events()).universe();
    private final JsonNode companies = WorkedExample.expectedCompanies();

    @Test
    void headlineQuartilesAreThoseOfTheSortedCompanyFigures() {
        assertQuartiles(values("evToNtmRevenue", company -> true), universe.quartilesEvToNtmRevenue(), "evToNtmRevenue");
        assertQuartiles(values("growthAdjustedMultiple", company -> true), universe.quartilesGrowthAdjustedMultiple(),
                "growthAdjustedMultiple");
        assertQuartiles(values("evToNtmFcf", company -> between(company.path("evToNtmFcf"), 0, 100)),
                universe.quartilesEvToNtmFcf(), "evToNtmFcf");
    }

    @Test
    void bucketQuartilesAreThoseOfEachBucketsMultiples() {
        assertQuartiles(values("evToNtmRevenue", company -> growth(company) != null && growth(company) > 0.22),
                universe.buckets().high().quartilesEvToNtmRevenue(), "high");
        assertQuartiles(values("evToNtmRevenue", company -> growth(company) != null && growth(company) >= 0.15
                && growth(company) <= 0.22), universe.buckets().mid().quartilesEvToNtmRevenue(), "mid");
        assertQuartiles(values("evToNtmRevenue", company -> growth(company) != null && growth(company) < 0.15),
                universe.buckets().low().quartilesEvToNtmRevenue(), "low");
    }

    @Test
    void operatingQuartilesAreThoseOfEachMetric() {
        UniverseSnapshot.OperatingQuartiles operating = universe.operatingQuartiles();
        assertQuartiles(values("ntmGrowth", c -> true), operating.ntmGrowth(), "ntmGrowth");
        assertQuartiles(values("ltmGrowth", c -> true), operating.ltmGrowth(), "ltmGrowth");
        assertQuartiles(values("grossMargin", c -> true), operating.grossMargin(), "grossMargin");
        assertQuartiles(values("operatingMargin", c -> true), operating.operatingMargin(), "operatingMargin");
        assertQuartiles(values("fcfMargin", c -> true), operating.fcfMargin(), "fcfMargin");
        assertQuartiles(values("netRevenueRetention", c -> true), operating.netRevenueRetention(), "netRevenueRetention");
        assertQuartiles(values("gmAdjustedPaybackMonths", c -> true), operating.gmAdjustedPaybackMonths(), "payback");
        assertQuartiles(values("salesMarketingPct", c -> true), operating.salesMarketingPct(), "salesMarketingPct");
        assertQuartiles(values("researchDevelopmentPct", c -> true), operating.researchDevelopmentPct(), "rdPct");
        assertQuartiles(values("generalAdministrativePct", c -> true), operating.generalAdministrativePct(), "gaPct");
        assertQuartiles(values("ruleOf40Ltm", c -> true), operating.ruleOf40Ltm(), "ruleOf40Ltm");
        assertQuartiles(values("ruleOf40Ntm", c -> true), operating.ruleOf40Ntm(), "ruleOf40Ntm");
    }

    @Test
    void theExampleHasEnoughCompaniesForTheQuartilesToInterpolate() {
        List<Double> multiples = values("evToNtmRevenue", company -> true);
        assertTrue(multiples.size() >= 5, "the example's multiples: " + multiples);
        assertTrue(universe.quartilesEvToNtmRevenue().p25() < universe.medianEvToNtmRevenue());
        assertTrue(universe.quartilesEvToNtmRevenue().p75() > universe.medianEvToNtmRevenue());
    }

    /** numpy.quantile(values, p) with the default "linear" method, on the values sorted here. */
    private static Double numpyLinear(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double position = (sorted.size() - 1) * p;
        int below = (int) position;
        if (below == sorted.size() - 1) {
            return sorted.get(below);
        }
        double weight = position - below;
        return sorted.get(below) * (1 - weight) + sorted.get(below + 1) * weight;
    }

    private static void assertQuartiles(List<Double> values, UniverseSnapshot.Quartiles actual, String what) {
        assertClose(numpyLinear(values, 0.25), actual.p25(), what + " p25 of " + values);
        assertClose(numpyLinear(values, 0.75), actual.p75(), what + " p75 of " + values);
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    private List<Double> values(String field, Predicate<JsonNode> include) {
        List<Double> values = new ArrayList<>();
        for (JsonNode company : companies) {
            JsonNode value = company.path(field);
            if (value.isNumber() && include.test(company)) {
                values.add(value.doubleValue());
            }
        }
        return values;
    }

    private static Double growth(JsonNode company) {
        JsonNode growth = company.path("ntmGrowth");
        return growth.isNumber() ? growth.doubleValue() : null;
    }

    private static boolean between(JsonNode value, double low, double high) {
        return value.isNumber() && value.doubleValue() > low && value.doubleValue() < high;
    }
}
