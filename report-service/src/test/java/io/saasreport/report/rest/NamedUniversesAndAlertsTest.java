package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.Upstream;
import io.saasreport.report.support.ReportDatabase;

/** Named universes beside the default one (metrics.universe keyed by name), and the alerts (metrics.alerts). */
@QuarkusTest
class NamedUniversesAndAlertsTest {

    private static final String GROWTH = ExampleData.universe(ExampleData.AS_OF, statistics -> {
        statistics.put("companyCount", 5);
        statistics.put("medianEvToNtmRevenue", 13.5);
        statistics.put("revision", 40);
    });

    @Inject
    ReportDatabase database;

    @BeforeEach
    void startFromNothing() {
        database.clear();
    }

    @Test
    void eachUniverseIsServedUnderItsNameAndTheDefaultStaysTheDefault() {
        Upstream.universe(ExampleData.universe(ExampleData.AS_OF, statistics -> statistics.put("revision", 3)));
        Upstream.universe("growth", GROWTH);
        eventually(() -> given().get("/api/v1/universes").then().statusCode(200)
                .body("name", contains("growth", "universe"))
                .body("isDefault", contains(false, true))
                .body("companyCount", contains(5, 8))
                .body("revision", contains(40, 3)));

        given().get("/api/v1/universe").then().statusCode(200).body("companyCount", equalTo(8));
        given().get("/api/v1/universes/universe").then().statusCode(200).body("companyCount", equalTo(8));
        given().get("/api/v1/universes/growth").then().statusCode(200)
                .body("companyCount", equalTo(5)).body("medianEvToNtmRevenue", equalTo(13.5));
        given().get("/api/v1/universes/growth/buckets").then().statusCode(200).body("high.count", equalTo(6));
        given().get("/api/v1/universes/growth/top-multiples").then().statusCode(200).body("", hasSize(8));
        given().get("/api/v1/universes/growth/operating-medians").then().statusCode(200);
        given().get("/api/v1/universes/growth/movers").then().statusCode(200);
        given().get("/api/v1/universes/growth/scatter").then().statusCode(404);
        given().get("/api/v1/universes/nope").then().statusCode(404)
                .body("type", equalTo("urn:saasreport:problem:unknown-universe"));

        Upstream.awaitStored();
        given().get("/api/v1/universes/growth/history").then().statusCode(200)
                .body("companyCount", contains(5));
        given().get("/api/v1/universes/universe/history/medians").then().statusCode(200).body("", hasSize(1));
        given().get("/api/v1/universe/history").then().statusCode(200).body("companyCount", contains(8));

        Upstream.universeRemoved("growth");
        eventually(() -> given().get("/api/v1/universes").then().body("name", contains("universe")));
        given().get("/api/v1/universes/growth").then().statusCode(404);
        given().get("/api/v1/universe").then().statusCode(200).body("companyCount", equalTo(8));
    }

    @Test
    void alertsAreServedOnceInTimeOrderAndFiltered() {
        String entered = "{\"id\":\"growth/top10-entered/WMRM/7\",\"universe\":\"growth\",\"type\":\"top10-entered\","
                + "\"ticker\":\"WMRM\",\"at\":\"2026-11-21T16:00:00Z\",\"value\":17.2,\"rank\":2}";
        String moved = "{\"id\":\"universe/multiple-moved/UMV/30\",\"universe\":\"universe\",\"type\":\"multiple-moved\","
                + "\"ticker\":\"UMV\",\"at\":\"2026-11-21T15:00:00Z\",\"value\":3.1,\"previous\":2.54,\"change\":0.22}";
        Upstream.alert(entered);
        Upstream.alert(moved);
        Upstream.alert(entered); // delivered twice: still one alert

        eventually(() -> given().get("/api/v1/alerts").then().statusCode(200)
                .body("id", contains("universe/multiple-moved/UMV/30", "growth/top10-entered/WMRM/7")));
        given().get("/api/v1/alerts?since=2026-11-21T15:30:00Z").then().statusCode(200)
                .body("ticker", contains("WMRM")).body("rank", contains(2));
        given().get("/api/v1/alerts?universe=universe").then().statusCode(200)
                .body("change", contains(0.22)).body("previous", contains(2.54));
        given().get("/api/v1/alerts?since=yesterday").then().statusCode(400);

        Upstream.awaitStored();
        // Stored once each: a restarted view loads the same two.
        database.reloadView();
        given().get("/api/v1/alerts").then().body("id", hasSize(2));
    }
}
