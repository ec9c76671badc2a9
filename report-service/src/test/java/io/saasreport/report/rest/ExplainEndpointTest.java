package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.saasreport.contracts.Problem;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

/**
 * {@code GET /api/v1/companies/{ticker}/explain} over the worked example, as the metrics service publishes it (figures
 * and sources, the n-th input event with id {@code line-<n>}): a complete company with a restated latest quarter
 * (BPH), one without the eight quarters its LTM growth needs (JPJH), one with a blended estimate (QJIR).
 */
@QuarkusTest
class ExplainEndpointTest {

    /** Each figure's inputs as the spec's "Company metrics" table defines it, in the companies table's order. */
    private static final Map<String, List<String>> SPEC_INPUTS = new LinkedHashMap<>();

    static {
        String price = "price";
        String q0 = "latestQuarter";
        String ltm = "ltmQuarters";
        String estimate = "estimate";
        SPEC_INPUTS.put("price", List.of(price));
        SPEC_INPUTS.put("sharesOutstanding", List.of(q0));
        SPEC_INPUTS.put("cash", List.of(q0));
        SPEC_INPUTS.put("debt", List.of(q0));
        SPEC_INPUTS.put("marketCap", List.of(price, q0));
        SPEC_INPUTS.put("enterpriseValue", List.of(price, q0));
        SPEC_INPUTS.put("ltmRevenue", List.of(ltm));
        SPEC_INPUTS.put("ltmGrowth", List.of(ltm, "priorLtmQuarters"));
        SPEC_INPUTS.put("ntmRevenue", List.of(estimate));
        SPEC_INPUTS.put("ntmFcf", List.of(estimate));
        SPEC_INPUTS.put("ntmGrowth", List.of(ltm, estimate));
        SPEC_INPUTS.put("evToNtmRevenue", List.of(price, q0, estimate));
        SPEC_INPUTS.put("growthAdjustedMultiple", List.of(price, q0, ltm, estimate));
        SPEC_INPUTS.put("evToNtmFcf", List.of(price, q0, estimate));
        for (String margin : List.of("grossMargin", "operatingMargin", "fcfMargin", "salesMarketingPct",
                "researchDevelopmentPct", "generalAdministrativePct")) {
            SPEC_INPUTS.put(margin, List.of(ltm));
        }
        SPEC_INPUTS.put("ntmFcfMargin", List.of(estimate));
        SPEC_INPUTS.put("ruleOf40Ltm", List.of(ltm, "priorLtmQuarters"));
        SPEC_INPUTS.put("ruleOf40Ntm", List.of(ltm, estimate));
        SPEC_INPUTS.put("netRevenueRetention", List.of(q0));
        SPEC_INPUTS.put("impliedArr", List.of(q0));
        SPEC_INPUTS.put("netNewArr", List.of(q0, "previousQuarter"));
        SPEC_INPUTS.put("gmAdjustedPaybackMonths", List.of(q0, "previousQuarter"));
        SPEC_INPUTS.put("weeklyPriceChange", List.of(price, "weeklyReference"));
    }

    @Inject
    ReportDatabase database;

    @BeforeEach
    void publishTheExample() {
        database.clear();
        Upstream.companies(ExampleData.AS_OF);
        eventually(() -> given().get("/api/v1/companies").then().body("ticker", hasSize(ExampleData.TICKERS.size())));
    }

    @Test
    void completeCompanyNamesTheSpecsInputsForEveryFigure() {
        JsonPath bph = explain("BPH");

        assertEquals(SPEC_INPUTS, inputsByFigure(bph));
        assertEquals(List.of(), bph.getList("figures.findAll { it.missing != null }.figure"));
        assertEquals(13.500266019788121, bph.getDouble("figures.find { it.figure == 'evToNtmRevenue' }.value"));
        assertEquals("enterpriseValue / ntmRevenue; null unless ntmRevenue > 0",
                bph.getString("figures.find { it.figure == 'evToNtmRevenue' }.definition"));
        assertEquals(List.of(
                "latest price 1164.47 at 2026-11-20T21:21:00Z; event line-258",
                "Q0: FY2026 Q1 (period end 2026-10-11), filed 2026-11-15T21:05:00Z, a restatement; event line-175",
                "estimate as of 2026-10-24T21:00:00Z: NTM revenue 24118600933, NTM FCF 4958702022.54; event line-202"),
                bph.getList("figures.find { it.figure == 'evToNtmRevenue' }.inputs.description"));
        assertEquals("LTM: FY2026 Q1 (restated), FY2025 Q4, FY2025 Q3, FY2025 Q2",
                bph.getString("figures.find { it.figure == 'ltmRevenue' }.inputs[0].description"));
        assertEquals("prior LTM: FY2025 Q1, FY2024 Q4, FY2024 Q3, FY2024 Q2",
                bph.getString("figures.find { it.figure == 'ltmGrowth' }.inputs[1].description"));
        assertEquals(true, bph.getBoolean("sources.latestQuarter.restatement"));
    }

    @Test
    void companyWithoutEightQuartersSaysWhichItsLtmGrowthLacks() {
        JsonPath jpjh = explain("JPJH");

        assertEquals(SPEC_INPUTS, inputsByFigure(jpjh));
        String gap = "LTM growth needs eight consecutive quarters; held: FY2026 Q1, FY2025 Q4, FY2025 Q3, FY2025 Q2, FY2025 Q1";
        assertEquals(gap, jpjh.getString("figures.find { it.figure == 'ltmGrowth' }.missing"));
        assertEquals(gap, jpjh.getString("figures.find { it.figure == 'ruleOf40Ltm' }.missing"));
        assertEquals("priorLtmQuarters: not held",
                jpjh.getString("figures.find { it.figure == 'ltmGrowth' }.inputs[1].description"));
        assertTrue(jpjh.getString("figures.find { it.figure == 'evToNtmFcf' }.missing").startsWith("ntmFcf is not positive ("));
        assertEquals(List.of("evToNtmFcf", "ltmGrowth", "ruleOf40Ltm"),
                jpjh.getList("figures.findAll { it.value == null }.figure").stream().sorted().toList());
    }

    @Test
    void blendedEstimateShowsItsFiscalYearsAndWeight() {
        JsonPath qjir = explain("QJIR");

        assertEquals(SPEC_INPUTS, inputsByFigure(qjir));
        assertEquals("estimate as of 2026-11-14T21:00:00Z: FY1 revenue 19740247864.34, FY2 revenue 23805453077.79, "
                + "FY1 FCF 3667626619.21, FY2 FCF 4482654756.81, FY1 ends 2026-12-21, blended with w = 0.1014; event line-90",
                qjir.getString("figures.find { it.figure == 'ntmRevenue' }.inputs[0].description"));
        assertEquals(37 / 365.0, qjir.getDouble("sources.estimate.blendWeight"), 1e-15);
        assertTrue(qjir.getString("figures.find { it.figure == 'ntmRevenue' }.definition").contains("w = clamp(days(asOf, fy1End) / 365, 0, 1)"));
    }

    @Test
    void unknownTickerIsNotFound() {
        given().get("/api/v1/companies/NOPE/explain").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    @Test
    void answersWithAnEtag() {
        String etag = given().get("/api/v1/companies/BPH/explain").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/companies/BPH/explain").then().statusCode(304);
    }

    @Test
    void quartersOfOneCompanyOldestFirstWithTheRestatementHeld() {
        ExampleData.filings().forEach(Upstream::filing);
        eventually(() -> given().get("/api/v1/companies/BPH/quarters").then().body("$", hasSize(12)));

        given().get("/api/v1/companies/BPH/quarters").then()
                .statusCode(200)
                .body("[0].fiscalYear", equalTo(2023)).body("[0].fiscalQuarter", equalTo(2))
                .body("[0].revenueGrowthYoy", nullValue())
                .body("[11].fiscalYear", equalTo(2026)).body("[11].fiscalQuarter", equalTo(1))
                .body("[11].filedAt", equalTo("2026-11-15T21:05:00Z"))
                .body("name", contains(java.util.Collections.nCopies(12, "Bph Software Inc.").toArray()));
        given().get("/api/v1/companies/NOPE/quarters").then().statusCode(404);
    }

    private static JsonPath explain(String ticker) {
        return given().get("/api/v1/companies/" + ticker + "/explain").then()
                .statusCode(200)
                .contentType("application/json")
                .body("ticker", equalTo(ticker))
                .body("figures", hasSize(SPEC_INPUTS.size()))
                .extract().jsonPath();
    }

    private static Map<String, List<String>> inputsByFigure(JsonPath explanation) {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        List<String> figures = explanation.getList("figures.figure");
        for (int i = 0; i < figures.size(); i++) {
            inputs.put(figures.get(i), explanation.getList("figures[" + i + "].inputs.input"));
        }
        return inputs;
    }
}
