package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

@QuarkusTest
class HistoryEndpointsTest {

    // Within the last hour: young enough that no thinning would ever touch these points.
    private static final Instant T1 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    private static final Instant T2 = T1.plus(Duration.ofMinutes(5));
    private static final Instant T3 = T1.plus(Duration.ofMinutes(10));

    @Inject
    ReportDatabase database;

    @BeforeEach
    void startFromNothing() {
        database.clear();
    }

    /**
     * T1 the example; T2 the same figures, only asOf moved; T3 a new 10-year yield. Each is stored before the next is
     * published: values of one key that arrive in one batch are conflated to the newest, which alone reaches the history.
     */
    private static void publishThreeUniverseSnapshots() {
        Upstream.universe(ExampleData.universe(T1));
        Upstream.awaitStored();
        Upstream.universe(ExampleData.universe(T2));
        Upstream.awaitStored();
        Upstream.universe(ExampleData.universe(T3, universe -> universe.put("tenYearYield", 4.5)));
        Upstream.awaitStored();
        eventually(() -> given().get("/api/v1/universe").then().body("asOf", equalTo(T3.toString())));
    }

    @Test
    void keepsEachUniverseSnapshotThatChangesAFigureOldestFirst() {
        publishThreeUniverseSnapshots();

        given().get("/api/v1/universe/history").then()
                .statusCode(200)
                .body("asOf", contains(T1.toString(), T3.toString()))
                .body("tenYearYield", contains(4.27, 4.5))
                .body("[0].medianEvToNtmRevenue", equalTo(10.579471721727582));
    }

    @Test
    void limitsTheUniverseHistoryToAnInclusiveTimeRange() {
        publishThreeUniverseSnapshots();

        given().queryParam("from", T2.toString()).get("/api/v1/universe/history").then()
                .body("asOf", contains(T3.toString()));
        given().queryParam("to", T2.toString()).get("/api/v1/universe/history").then()
                .body("asOf", contains(T1.toString()));
        given().queryParam("from", T1.toString()).queryParam("to", T3.toString()).get("/api/v1/universe/history").then()
                .body("asOf", contains(T1.toString(), T3.toString()));
    }

    @Test
    void servesTheMediansOfEachHistoryPointForCharts() {
        publishThreeUniverseSnapshots();

        given().get("/api/v1/universe/history/medians").then()
                .statusCode(200)
                .body("asOf", contains(T1.toString(), T3.toString()))
                .body("[0].overall", equalTo(10.579471721727582))
                .body("[0].top5", equalTo(15.053529020186655))
                .body("[0].high", equalTo(14.276897519987388))
                .body("[0].mid", equalTo(7.658677423667043))
                .body("[0].low", equalTo(2.5396549425711763));
    }

    @Test
    void theHistoryIsEmptyBeforeAnySnapshot() {
        given().get("/api/v1/universe/history").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aMalformedInstantIsA400Problem() {
        given().queryParam("from", "yesterday").get("/api/v1/universe/history").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("from: not an ISO-8601 instant such as 2026-11-20T21:21:00Z"));
    }

    @Test
    void keepsEachChangeOfACompanysMetricsOldestFirst() {
        Upstream.company(ExampleData.company("BPH", T1));
        Upstream.awaitStored();
        Upstream.company(ExampleData.company("BPH", T2));
        Upstream.awaitStored();
        Upstream.company(ExampleData.company("BPH", T3, bph -> bph.put("price", 1170.0)));
        Upstream.awaitStored();
        eventually(() -> given().get("/api/v1/companies/BPH").then().body("asOf", equalTo(T3.toString())));

        given().get("/api/v1/companies/BPH/history").then()
                .statusCode(200)
                .body("asOf", contains(T1.toString(), T3.toString()))
                .body("price", contains(1164.47, 1170.0));
        given().queryParam("from", T2.toString()).get("/api/v1/companies/BPH/history").then()
                .body("price", contains(1170.0));
    }

    @Test
    void theHistoryOfAnUnknownCompanyIsA404Problem() {
        given().get("/api/v1/companies/NOPE/history").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Unknown company"));
    }
}
