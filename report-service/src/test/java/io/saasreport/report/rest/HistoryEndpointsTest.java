package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.saasreport.contracts.Problem;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

/** Every history endpoint: the last point of each period of a resolution, a range, a limit, and the refusals. */
@QuarkusTest
class HistoryEndpointsTest {

    /** Three points in three minutes of one hour that began two hours ago: all kept at every resolution. */
    private static final Instant T1 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2)).plusSeconds(10 * 60 + 7);
    private static final Instant T2 = T1.plus(Duration.ofMinutes(5));
    private static final Instant T3 = T1.plus(Duration.ofMinutes(10));
    private static final List<String> UNIVERSE_HISTORIES = List.of("/api/v1/universe/history",
            "/api/v1/universe/history/medians", "/api/v1/universes/universe/history", "/api/v1/universes/universe/history/medians");

    @Inject
    ReportDatabase database;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void startFromNothing() {
        database.clear();
    }

    /** T1 the example; T2 the same figures (a point of its own minute all the same); T3 a new 10-year yield. */
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
    void eachMinutesLastPointOldestFirstAndOnePointForTheHourAndTheWeek() {
        publishThreeUniverseSnapshots();

        for (String path : UNIVERSE_HISTORIES) {
            given().queryParam("resolution", "minute").get(path).then()
                    .statusCode(200)
                    .body("asOf", contains(T1.toString(), T2.toString(), T3.toString()));
            given().queryParam("resolution", "hour").get(path).then().body("asOf", contains(T3.toString()));
            given().queryParam("resolution", "day").get(path).then().body("asOf", contains(T3.toString()));
        }
        given().queryParam("resolution", "minute").get("/api/v1/universe/history").then()
                .body("tenYearYield", contains(4.27, 4.27, 4.5))
                .body("[0].medianEvToNtmRevenue", equalTo(10.579471721727582));
    }

    @Test
    void withoutAResolutionTheRangePicksIt() {
        publishThreeUniverseSnapshots();

        for (String path : UNIVERSE_HISTORIES) {
            given().queryParam("from", T1.toString()).get(path).then()
                    .body("asOf", contains(T1.toString(), T2.toString(), T3.toString())); // two hours: minutes
            given().get(path).then().body("asOf", hasSize(1)); // no start: the weekly closes
        }
    }

    @Test
    void aLimitAnswersTheNewestPointsOfTheRangeOldestFirst() {
        publishThreeUniverseSnapshots();

        for (String path : UNIVERSE_HISTORIES) {
            given().queryParam("resolution", "minute").queryParam("limit", 2).get(path).then()
                    .body("asOf", contains(T2.toString(), T3.toString()));
            given().queryParam("resolution", "minute").queryParam("from", T2.toString()).get(path).then()
                    .body("asOf", contains(T2.toString(), T3.toString()));
            given().queryParam("resolution", "minute").queryParam("to", T2.toString()).get(path).then()
                    .body("asOf", contains(T1.toString(), T2.toString()));
            given().queryParam("resolution", "minute").queryParam("from", T1.plusSeconds(1).toString())
                    .queryParam("to", T3.minusSeconds(1).toString()).get(path).then()
                    .body("asOf", contains(T2.toString()));
        }
    }

    @Test
    void servesTheMediansOfEachHistoryPointForCharts() {
        publishThreeUniverseSnapshots();

        given().queryParam("resolution", "minute").get("/api/v1/universe/history/medians").then()
                .statusCode(200)
                .body("asOf", contains(T1.toString(), T2.toString(), T3.toString()))
                .body("[0].overall", equalTo(10.579471721727582))
                .body("[0].top5", equalTo(15.053529020186655))
                .body("[0].high", equalTo(14.276897519987388))
                .body("[0].mid", equalTo(7.658677423667043))
                .body("[0].low", equalTo(2.5396549425711763));
    }

    @Test
    void theMediansHistoryOfTheViewIsTheStoredOneAfterARestart() {
        publishThreeUniverseSnapshots();
        String served = given().queryParam("resolution", "minute").get("/api/v1/universe/history/medians").asString();

        database.reloadView();

        eventually(() -> given().queryParam("resolution", "minute").get("/api/v1/universe/history/medians").then()
                .body(equalTo(served)));
    }

    @Test
    void theHistoryIsEmptyBeforeAnySnapshot() {
        given().get("/api/v1/universe/history").then().statusCode(200).body("$", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/universe/history", "/api/v1/universe/history/medians", "/api/v1/universes/universe/history",
            "/api/v1/universes/universe/history/medians", "/api/v1/companies/BPH/history"})
    void refusesAMalformedInstantAnUnknownResolutionAndALimitOutOfRange(String path) {
        Upstream.company(ExampleData.company("BPH", T1));
        Upstream.universe(ExampleData.universe(T1));
        eventually(() -> given().get("/api/v1/companies/BPH").then().statusCode(200));

        given().queryParam("from", "yesterday").get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("from: not an ISO-8601 instant such as 2026-11-20T21:21:00Z"));
        given().queryParam("resolution", "second").get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("resolution: must be minute, hour, day or week"));
        for (String limit : List.of("0", "5001", "many", "-1", "1e3", "99999999999999999999")) {
            given().queryParam("limit", limit).get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", equalTo("limit: must be a whole number from 1 to 5000"));
        }
        given().queryParam("limit", 5000).queryParam("resolution", "week").get(path).then().statusCode(200);
        given().queryParam("resolution", "minute").queryParam("from", "+1000000000-01-01T00:00:00Z").get(path).then()
                .statusCode(200).body("$", hasSize(0));
        given().queryParam("to", "+1000000000-01-01T00:00:00Z").queryParam("from", "-1000000000-01-01T00:00:00Z")
                .get(path).then().statusCode(200).body("$", hasSize(1)); // every weekly close: the one week
        given().queryParam("resolution", "min\u0000ute").get(path).then().statusCode(400);
    }

    @Test
    void aCompanysHistoryTakesTheResolutionAndTheLimitToo() {
        Upstream.company(ExampleData.company("BPH", T1));
        Upstream.awaitStored();
        Upstream.company(ExampleData.company("BPH", T2));
        Upstream.awaitStored();
        Upstream.company(ExampleData.company("BPH", T3, bph -> bph.put("price", 1170.0)));
        Upstream.awaitStored();
        eventually(() -> given().get("/api/v1/companies/BPH").then().body("asOf", equalTo(T3.toString())));

        given().queryParam("resolution", "minute").get("/api/v1/companies/BPH/history").then()
                .statusCode(200)
                .body("asOf", contains(T1.toString(), T2.toString(), T3.toString()))
                .body("price", contains(1164.47, 1164.47, 1170.0));
        given().queryParam("resolution", "minute").queryParam("limit", 1).get("/api/v1/companies/BPH/history").then()
                .body("price", contains(1170.0));
        given().queryParam("from", T2.toString()).get("/api/v1/companies/BPH/history").then()
                .body("asOf", contains(T2.toString(), T3.toString()));
        given().queryParam("resolution", "hour").get("/api/v1/companies/BPH/history").then()
                .body("asOf", contains(T3.toString()));
    }

    /**
     * Each point is served as the text stored for it: the company's figures exactly as the REST layer writes them (no
     * revision, no sources). A point stored before V10, in its published form, is written again as it is read.
     */
    @Test
    void aCompanysHistoryIsItsFiguresAsServedAlsoForAPointStoredBeforeInItsPublishedForm() throws Exception {
        Upstream.company(ExampleData.company("BPH", T1, bph -> bph.put("revision", 3)));
        Upstream.awaitStored();
        Upstream.company(ExampleData.company("BPH", T2, bph -> bph.put("revision", 4).put("price", 1170.0)));
        Upstream.awaitStored();
        eventually(() -> given().get("/api/v1/companies/BPH").then().body("asOf", equalTo(T2.toString())));
        Instant before = T1.minus(Duration.ofMinutes(3));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into company_history"
                        + " (ticker, resolution, period, as_of, payload) values ('BPH', 'm', ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(before.truncatedTo(ChronoUnit.MINUTES)));
            insert.setTimestamp(2, Timestamp.from(before));
            insert.setString(3, ExampleData.company("BPH", before, bph -> bph.put("revision", 2).put("price", 1100.5)));
            insert.executeUpdate();
        }

        String history = given().queryParam("resolution", "minute").get("/api/v1/companies/BPH/history").then()
                .statusCode(200).contentType(ContentType.JSON).extract().asString();
        List<CompanyMetrics> points = mapper.readValue(history, new TypeReference<List<CompanyMetrics>>() {
        });
        assertEquals(List.of(before, T1, T2), points.stream().map(CompanyMetrics::asOf).toList());
        assertEquals(List.of(1100.5, 1164.47, 1170.0), points.stream().map(CompanyMetrics::price).toList());
        assertEquals(mapper.writeValueAsString(points), history); // as data binding writes the list, byte for byte
        assertFalse(history.contains("\"revision\""), history);
        assertFalse(history.contains("\"sources\""), history);
        assertEquals(given().get("/api/v1/companies/BPH").asString(), mapper.writeValueAsString(points.get(2)));
    }

    @Test
    void theHistoryOfAnUnknownCompanyIsA404Problem() {
        given().get("/api/v1/companies/NOPE/history").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Unknown company"));
    }
}
