package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.contracts.Problem;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

@QuarkusTest
class CompanyEndpointsTest {

    private static final String CSV_HEADER = "ticker,name,asOf,price,sharesOutstanding,cash,debt,marketCap,enterpriseValue,"
            + "ltmRevenue,ltmGrowth,ntmRevenue,ntmFcf,ntmGrowth,evToNtmRevenue,growthAdjustedMultiple,evToNtmFcf,"
            + "grossMargin,operatingMargin,fcfMargin,salesMarketingPct,researchDevelopmentPct,generalAdministrativePct,"
            + "ntmFcfMargin,ruleOf40Ltm,ruleOf40Ntm,netRevenueRetention,impliedArr,netNewArr,gmAdjustedPaybackMonths,"
            + "weeklyPriceChange,growthBucket";
    private static final String CSV_BPH = "BPH,Bph Software Inc.,2026-11-20T21:21:00Z,1164.47,302506885,26652663755.34,0,"
            + "352260192375.95,325607528620.61,19132230968.3,0.3528864572948911,24118600933,4958702022.54,"
            + "0.2606266866086797,13.500266019788121,0.5179924663685043,65.6638626682036,0.789867747238093,"
            + "0.009508248319885509,0.2101361237856325,0.27025420016447943,0.3210473791445024,0.18905791960922572,"
            + "0.20559658648173545,0.5630225810805236,0.46622327309041517,1.276,18860034700.48,1357504229.5999985,"
            + "14.519971914356589,0.11351552937576503,high";

    @Inject
    ReportDatabase database;

    @BeforeEach
    void publishTheExampleCompanies() {
        database.clear();
        Upstream.companies(ExampleData.AS_OF);
        eventually(() -> given().get("/api/v1/companies").then().body("ticker", hasSize(ExampleData.TICKERS.size())));
    }

    @Test
    void listsEveryCompanySortedByTickerWithUnknownMetricsAsNull() {
        given().get("/api/v1/companies").then()
                .statusCode(200)
                .contentType("application/json")
                .body("ticker", contains(ExampleData.TICKERS.toArray()))
                .body("[0]", hasKey("evToNtmRevenue"))
                .body("[0].evToNtmRevenue", nullValue())
                .body("[0].asOf", equalTo("2026-11-20T21:21:00Z"));
    }

    @Test
    void servesOneCompanyByValue() {
        given().get("/api/v1/companies/BPH").then()
                .statusCode(200)
                .body("ticker", equalTo("BPH"))
                .body("name", equalTo("Bph Software Inc."))
                .body("enterpriseValue", equalTo(325607528620.61))
                .body("ntmRevenue", equalTo(24118600933.0))
                .body("evToNtmRevenue", equalTo(13.500266019788121))
                .body("ntmGrowth", equalTo(0.2606266866086797))
                .body("netRevenueRetention", equalTo(1.276))
                .body("weeklyPriceChange", equalTo(0.11351552937576503));
    }

    @Test
    void anUnknownTickerIsA404Problem() {
        given().get("/api/v1/companies/NOPE").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:saasreport:problem:unknown-company"))
                .body("title", equalTo("Unknown company"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No metrics have been published for NOPE"))
                .body("instance", equalTo("/api/v1/companies/NOPE"));
    }

    @Test
    void sortsByAnyMetricWithUnknownValuesLastInBothOrders() {
        given().queryParam("sort", "evToNtmRevenue").queryParam("order", "desc").get("/api/v1/companies").then()
                .statusCode(200)
                .body("ticker", contains("JPJH", "WMRM", "UKQE", "BPH", "OJV", "UPD", "QJIR", "UMV", "AYV"));
        given().queryParam("sort", "evToNtmRevenue").queryParam("order", "asc").get("/api/v1/companies").then()
                .body("ticker", contains("UMV", "QJIR", "UPD", "OJV", "BPH", "UKQE", "WMRM", "JPJH", "AYV"));
        given().queryParam("sort", "weeklyPriceChange").get("/api/v1/companies").then()
                .body("ticker", contains("UMV", "AYV", "QJIR", "UKQE", "WMRM", "JPJH", "OJV", "UPD", "BPH"));
    }

    @Test
    void filtersByNtmGrowthBucket() {
        given().queryParam("bucket", "high").get("/api/v1/companies").then()
                .statusCode(200)
                .body("ticker", contains("BPH", "JPJH", "QJIR", "UKQE", "UPD", "WMRM"));
        given().queryParam("bucket", "mid").get("/api/v1/companies").then()
                .body("ticker", contains("OJV"));
        given().queryParam("bucket", "low").get("/api/v1/companies").then()
                .body("ticker", contains("UMV"));
        given().queryParam("bucket", "high").queryParam("sort", "ntmGrowth").queryParam("order", "desc")
                .get("/api/v1/companies").then()
                .body("ticker", contains("WMRM", "JPJH", "UPD", "QJIR", "UKQE", "BPH"));
    }

    @Test
    void anUnknownSortFieldIsA400Problem() {
        given().queryParam("sort", "bogus").get("/api/v1/companies").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request parameter"))
                .body("detail", startsWith("sort: unknown field 'bogus'; one of [ticker, name, asOf, price"));
    }

    @Test
    void anUnknownOrderOrBucketIsA400Problem() {
        given().queryParam("order", "up").get("/api/v1/companies").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("order: must be asc or desc"));
        given().queryParam("bucket", "huge").get("/api/v1/companies").then()
                .statusCode(400)
                .body("detail", equalTo("bucket: must be high, mid or low"));
    }

    @Test
    void exportsTheTableAsCsvWithAHeaderOfFieldNames() {
        String csv = given().accept("text/csv").get("/api/v1/companies").then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract().asString();

        List<String> lines = csv.lines().toList();
        assertEquals(1 + ExampleData.TICKERS.size(), lines.size());
        assertEquals(CSV_HEADER, lines.get(0));
        assertEquals(CSV_BPH, lines.get(2));
    }

    /** A hostile name published by the metrics service comes out quote-prefixed, from the view, with an ETag. */
    @Test
    void theCsvNeutralisesAFormulaNameAndIsServedOncePerChangeWithAnEtag() {
        String hostile = "=HYPERLINK(\"http://x\",\"y\")";
        Instant later = ExampleData.AS_OF.plusSeconds(60);
        Upstream.company(ExampleData.company("BPH", later, bph -> bph.put("name", hostile).put("cash", -5.5)));
        eventually(() -> given().get("/api/v1/companies/BPH").then().body("name", equalTo(hostile)));

        var answer = given().accept("text/csv").get("/api/v1/companies").then()
                .statusCode(200).extract();
        String bph = answer.asString().lines().filter(line -> line.startsWith("BPH,")).findFirst().orElseThrow();
        assertEquals("BPH,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-11-20T21:22:00Z,1164.47,302506885,-5.5,",
                bph.substring(0, bph.indexOf(",0,") + 1));

        given().accept("text/csv").header("If-None-Match", answer.header("ETag"))
                .get("/api/v1/companies").then().statusCode(304);
    }

    @Test
    void theCsvIsSortedAndFilteredLikeTheJson() {
        String csv = given().accept("text/csv").queryParam("bucket", "high").queryParam("sort", "evToNtmRevenue")
                .queryParam("order", "desc").get("/api/v1/companies").then()
                .statusCode(200).extract().asString();

        assertEquals(List.of("ticker", "JPJH", "WMRM", "UKQE", "BPH", "UPD", "QJIR"),
                csv.lines().map(line -> line.substring(0, line.indexOf(','))).toList());
    }

    @Test
    void jsonIsTheAnswerToAClientThatAcceptsAnything() {
        given().accept("*/*").get("/api/v1/companies").then()
                .statusCode(200)
                .contentType("application/json");
    }

    @Test
    void metricsOlderThanTheHeldOnesChangeNothing() {
        Instant later = ExampleData.AS_OF.plusSeconds(3600);
        Upstream.company(ExampleData.company("BPH", later, bph -> bph.put("price", 1200.0)));
        Upstream.company(ExampleData.company("BPH", ExampleData.AS_OF, bph -> bph.put("price", 999.0)));
        // metrics.company has one partition: once UMV's update shows, BPH's stale value has been consumed too.
        Upstream.company(ExampleData.company("UMV", later));
        eventually(() -> given().get("/api/v1/companies/UMV").then().body("asOf", equalTo(later.toString())));

        given().get("/api/v1/companies/BPH").then()
                .body("price", equalTo(1200.0))
                .body("asOf", equalTo(later.toString()));
    }

    @Test
    void aTombstoneRemovesTheCompanyFromTheTable() {
        Upstream.companyRemoved("UMV");

        eventually(() -> given().get("/api/v1/companies/UMV").then().statusCode(404));
        given().get("/api/v1/companies").then().body("ticker", hasSize(8)).body("ticker", not(hasItem("UMV")));
    }

    @Test
    void aChangedGrowthMovesTheCompanyToItsNewBucket() {
        Upstream.company(ExampleData.company("UMV", ExampleData.AS_OF.plusSeconds(60), umv -> umv.put("ntmGrowth", 0.3).put("growthBucket", "high")));

        eventually(() -> given().queryParam("bucket", "high").get("/api/v1/companies").then()
                .body("ticker", contains("BPH", "JPJH", "QJIR", "UKQE", "UMV", "UPD", "WMRM")));
        given().queryParam("bucket", "low").get("/api/v1/companies").then().body("$", hasSize(0));
    }
}
