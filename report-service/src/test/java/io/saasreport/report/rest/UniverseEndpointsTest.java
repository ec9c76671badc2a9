package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
class UniverseEndpointsTest {

    private static final List<String> UNIVERSE_VIEWS = List.of("/api/v1/universe", "/api/v1/universe/top-multiples",
            "/api/v1/universe/movers", "/api/v1/universe/buckets", "/api/v1/universe/operating-medians",
            "/api/v1/universe/scatter");

    @Inject
    ReportDatabase database;

    @BeforeEach
    void startFromNothing() {
        database.clear();
    }

    private static void publishTheExample() {
        Upstream.companies(ExampleData.AS_OF);
        Upstream.universe(ExampleData.universe(ExampleData.AS_OF));
        eventually(() -> given().get("/api/v1/universe").then().statusCode(200)
                .body("asOf", equalTo("2026-11-20T21:21:00Z")));
        eventually(() -> given().get("/api/v1/companies").then().body("ticker", hasSize(9)));
    }

    @Test
    void everyUniverseViewAnswers503ProblemBeforeTheFirstSnapshot() {
        for (String view : UNIVERSE_VIEWS) {
            given().get(view).then()
                    .statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", "5")
                    .body("status", equalTo(503))
                    .body("type", equalTo("urn:saasreport:problem:universe-not-yet-published"))
                    .body("instance", equalTo(view));
        }
    }

    @Test
    void servesThePublishedStatisticsByValue() {
        publishTheExample();

        given().get("/api/v1/universe").then()
                .statusCode(200)
                .body("companyCount", equalTo(8))
                .body("medianEvToNtmRevenue", equalTo(10.579471721727582))
                .body("top5MedianEvToNtmRevenue", equalTo(15.053529020186655))
                .body("medianGrowthAdjustedMultiple", equalTo(0.450904094812144))
                .body("medianEvToNtmFcf", equalTo(42.66888272483507))
                .body("tenYearYield", equalTo(4.27))
                .body("buckets.high.count", equalTo(6))
                .body("buckets.high.medianEvToNtmRevenue", equalTo(14.276897519987388))
                .body("regression.n", equalTo(8))
                .body("regression.slope", equalTo(27.093087795443488))
                .body("regression.intercept", equalTo(2.646129357757686))
                .body("regression.r2", equalTo(0.5235848045422213));
    }

    @Test
    void servesTheTopTenMultiplesHighestFirst() {
        publishTheExample();

        given().get("/api/v1/universe/top-multiples").then()
                .statusCode(200)
                .body("ticker", contains("JPJH", "WMRM", "UKQE", "BPH", "OJV", "UPD", "QJIR", "UMV"))
                .body("[0].value", equalTo(18.176848935430744))
                .body("[7].value", equalTo(2.5396549425711763));
    }

    @Test
    void servesTheWeeklyGainersAndLosers() {
        publishTheExample();

        given().get("/api/v1/universe/movers").then()
                .statusCode(200)
                .body("asOf", equalTo("2026-11-20T21:21:00Z"))
                .body("gainers.ticker", contains("BPH", "UPD", "OJV", "JPJH", "WMRM", "UKQE", "QJIR", "AYV", "UMV"))
                .body("gainers[0].value", equalTo(0.11351552937576503))
                .body("losers.ticker", contains("UMV", "AYV", "QJIR", "UKQE", "WMRM", "JPJH", "OJV", "UPD", "BPH"))
                .body("losers[0].value", equalTo(-0.06986276955979331));
    }

    @Test
    void servesTheGrowthBucketsAndOperatingMedians() {
        publishTheExample();

        given().get("/api/v1/universe/buckets").then()
                .statusCode(200)
                .body("high.count", equalTo(6))
                .body("high.medianEvToNtmRevenue", equalTo(14.276897519987388))
                .body("mid.count", equalTo(1))
                .body("mid.medianEvToNtmRevenue", equalTo(7.658677423667043))
                .body("low.count", equalTo(1))
                .body("low.medianEvToNtmRevenue", equalTo(2.5396549425711763));
        given().get("/api/v1/universe/operating-medians").then()
                .statusCode(200)
                .body("ntmGrowth", equalTo(0.2840021809830173))
                .body("grossMargin", equalTo(0.6590897837956587))
                .body("netRevenueRetention", equalTo(1.276))
                .body("gmAdjustedPaybackMonths", equalTo(29.24761243774429))
                .body("ruleOf40Ntm", equalTo(0.47892629195580405));
    }

    @Test
    void servesTheScatterOfMultipleAgainstGrowthWithItsFit() {
        publishTheExample();

        given().get("/api/v1/universe/scatter").then()
                .statusCode(200)
                // AYV has neither NTM growth nor a multiple: it is no point.
                .body("points.ticker", contains("BPH", "JPJH", "OJV", "QJIR", "UKQE", "UMV", "UPD", "WMRM"))
                .body("points[0].ntmGrowth", equalTo(0.2606266866086797))
                .body("points[0].evToNtmRevenue", equalTo(13.500266019788121))
                .body("regression.slope", equalTo(27.093087795443488))
                .body("regression.intercept", equalTo(2.646129357757686))
                .body("points.find { it.ticker == 'AYV' }", nullValue());
    }
}
