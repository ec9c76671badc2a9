package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.saasreport.report.edition.EditionCache;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.TwoWeeks;
import io.saasreport.report.support.Upstream;

/** The weekly editions over two published weeks (TwoWeeks): sections, changes, the three forms, the refusals. */
@QuarkusTest
class EditionEndpointsTest {

    private static final double MEDIAN_1 = 10.579471721727582;
    private static final double TOLERANCE = 1e-12;

    @Inject
    ReportDatabase database;

    @Inject
    EditionCache editions;

    @BeforeEach
    void publishTwoWeeks() {
        database.clear();
        editions.clear();
        TwoWeeks.publish();
    }

    private static JsonPath edition(Object date) {
        return given().accept("application/json").get("/api/v1/editions/" + date).then()
                .statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void theFirstWeeksEditionIsTheExampleAsItStoodAtTheFridayClose() {
        JsonPath week1 = edition(TwoWeeks.WEEK_1);

        assertEquals("2026-11-20", week1.getString("week"));
        assertEquals("2026-11-20T21:00:00Z", week1.getString("close"));
        assertTrue(week1.getBoolean("closed"));
        assertEquals(TwoWeeks.AS_OF_1.toString(), week1.getString("asOf"), "not the figures published after the close");
        assertEquals(MEDIAN_1, week1.getDouble("headline.medianEvToNtmRevenue"));
        assertEquals(TwoWeeks.P25, week1.getDouble("headline.quartilesEvToNtmRevenue.p25"));
        assertEquals(TwoWeeks.P75, week1.getDouble("headline.quartilesEvToNtmRevenue.p75"));
        assertEquals(8.0, week1.getDouble("headline.companyCount"));
        assertEquals(4.27, week1.getDouble("headline.tenYearYield"));
        assertEquals(List.of("JPJH", "WMRM", "UKQE", "BPH", "OJV", "UPD", "QJIR", "UMV"), week1.getList("topMultiples.ticker"));
        assertEquals("Jpjh Software Inc.", week1.getString("topMultiples[0].name"));
        assertEquals(8, week1.getList("scatter.points").size());
        assertEquals(8.0, week1.getDouble("scatter.regression.n"));
        assertEquals(14.276897519987388, week1.getDouble("buckets.high.medianEvToNtmRevenue"));
        assertEquals(List.of("BPH", "UPD", "OJV"), week1.getList("movers.gainers.ticker").subList(0, 3));
        assertEquals(ExampleData.TICKERS.size(), week1.getList("quarterlyReports").size());
        assertEquals(List.of("2026-11-20"), week1.getList("medianHistory.week"), "no earlier close has figures");
        assertNull(week1.get("changes"));
        assertEquals(List.of("changes: no universe statistics are stored at or before the previous close (2026-11-13)"),
                week1.getList("gaps"));
    }

    @Test
    void theSecondWeeksEditionCarriesTheChangesSinceTheFirst() {
        JsonPath week2 = edition(TwoWeeks.WEEK_2);

        double median2 = MEDIAN_1 * TwoWeeks.GROWTH;
        assertEquals(median2, week2.getDouble("headline.medianEvToNtmRevenue"), TOLERANCE);
        assertEquals("2026-11-20", week2.getString("previousWeek"));
        assertEquals(MEDIAN_1, week2.getDouble("changes.headline.medianEvToNtmRevenue.previous"));
        assertEquals(median2 - MEDIAN_1, week2.getDouble("changes.headline.medianEvToNtmRevenue.change"), TOLERANCE);
        assertEquals(4.4 - 4.27, week2.getDouble("changes.headline.tenYearYield.change"), TOLERANCE);
        assertEquals(1.0, week2.getDouble("changes.buckets.high.count.change"));
        assertEquals(14.276897519987388 * 0.1, week2.getDouble("changes.buckets.high.medianEvToNtmRevenue.change"), TOLERANCE);
        assertEquals(0.0, week2.getDouble("changes.buckets.low.count.change"));
        assertEquals(List.of(TwoWeeks.NEWCOMER), week2.getList("changes.topMultiples.entered.ticker"));
        assertEquals(List.of("UMV"), week2.getList("changes.topMultiples.exited.ticker"));
        assertEquals(30.0 - 27.093087795443488, week2.getDouble("changes.regression.slope.change"), TOLERANCE);
        assertEquals(0.0, week2.getDouble("changes.operatingMedians.grossMargin.change"));
        assertEquals(List.of("2026-11-20", "2026-11-27"), week2.getList("medianHistory.week"));
        assertEquals(List.of(MEDIAN_1, median2), week2.getList("medianHistory.overall", Double.class));
        assertEquals(List.of(TwoWeeks.P25, TwoWeeks.P25 * TwoWeeks.GROWTH), week2.getList("medianHistory.overallP25", Double.class));
        Map<String, Object> bph = week2.getMap("scatter.points.find { it.ticker == 'BPH' }");
        assertEquals(13.500266019788121 * TwoWeeks.GROWTH, ((Number) bph.get("evToNtmRevenue")).doubleValue(), TOLERANCE);
        assertEquals(List.of(), week2.getList("gaps"));
    }

    @Test
    void anyDayOfTheWeekAndAYearOfLaterHistoryGiveTheSameEdition() {
        String week1 = given().get("/api/v1/editions/2026-11-20").asString();
        String week2 = given().get("/api/v1/editions/2026-11-27").asString();
        assertEquals(week1, given().get("/api/v1/editions/2026-11-16").asString(), "Monday of the same week");
        assertEquals(week1, given().get("/api/v1/editions/2026-11-22").asString(), "Sunday of the same week");

        // A point more than a year later: the minutes, hours and days behind it go, the weekly closes stay.
        assertEquals(2L, database.value("select count(*) from universe_history where resolution = 'w'"));
        Upstream.universe(TwoWeeks.week1(TwoWeeks.CLOSE_2.plus(Duration.ofDays(400))));
        Upstream.awaitStored();
        assertEquals(0L, database.value("select count(*) from universe_history where period < ?1 and resolution <> 'w'",
                Timestamp.from(TwoWeeks.CLOSE_2.plus(Duration.ofDays(1)))), "more than a year behind the newest point");
        assertEquals(3L, database.value("select count(*) from universe_history where resolution = 'w'"));

        editions.clear(); // built again from the store, not from what was kept
        assertEquals(week1, given().get("/api/v1/editions/2026-11-20").asString());
        assertEquals(week2, given().get("/api/v1/editions/2026-11-27").asString());
    }

    @Test
    void aClosedWeeksEditionIsBuiltOnceTheStoreHasPassedItsClose() {
        String week1 = given().get("/api/v1/editions/2026-11-20").asString();
        database.execute("delete from company_history where ticker = 'BPH'");

        assertEquals(week1, given().get("/api/v1/editions/2026-11-20").asString(), "kept, not built again");
        editions.clear();
        assertFalse(edition(TwoWeeks.WEEK_1).getList("scatter.points.ticker").contains("BPH"), "built again without BPH");
        assertTrue(new JsonPath(week1).getList("scatter.points.ticker").contains("BPH"));
    }

    @Test
    void theLatestEditionIsThisWeeksWithTheNewestFigures() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        JsonPath latest = edition("latest");

        assertEquals(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(4).toString(), latest.getString("week"));
        assertEquals(TwoWeeks.AS_OF_2.toString(), latest.getString("asOf"));
    }

    @Test
    void markdownIsTheEditionWithTables() {
        String markdown = given().accept("text/markdown").get("/api/v1/editions/2026-11-27").then()
                .statusCode(200).contentType(startsWith("text/markdown")).extract().asString();

        assertTrue(markdown.startsWith("# Public SaaS valuation report — week of 2026-11-27\n"), markdown);
        assertTrue(markdown.contains("\n| Median EV / NTM revenue | 11.64x | 6.73x – 16.66x | +1.06x |\n"), markdown);
        assertTrue(markdown.contains("\n| 1 | NEWT | — | 25.00x |\n"), markdown);
        assertTrue(markdown.contains("Entered the top 10: NEWT. Left it: UMV."), markdown);
        assertTrue(markdown.contains("\n| High (> 22 %) | 7 | 15.70x |"), markdown);
        assertTrue(markdown.contains("## Latest quarterly reports"), markdown);
    }

    @Test
    void htmlIsAPrintablePageWithTheChartsScriptsServedLocally() {
        String html = given().accept("text/html").get("/api/v1/editions/2026-11-27").then()
                .statusCode(200).contentType(startsWith("text/html")).extract().asString();

        assertTrue(html.contains("id=\"headline-median-ev-ntm\" data-value=\"" + MEDIAN_1 * TwoWeeks.GROWTH + "\">11.64x<"), html);
        assertTrue(html.contains("<canvas id=\"chart-history\">"), html);
        String chartJs = html.replaceAll("(?s).*<script src=\"(/webjars/chart\\.js/[^\"]+)\".*", "$1");
        given().get(chartJs).then().statusCode(200);
        given().get("/edition.js").then().statusCode(200);
        given().get("/edition.css").then().statusCode(200);
    }

    @Test
    void aBrowsersAcceptGetsThePageAndAnythingElseGetsJson() {
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get("/api/v1/editions/2026-11-27")
                .then().statusCode(200).contentType(startsWith("text/html"));
        given().accept("*/*").get("/api/v1/editions/2026-11-27").then().statusCode(200).contentType("application/json");
    }

    @Test
    void aKeptEditionCarriesAnETagAndAnUnchangedOneIsAnswered304() {
        String etag = given().accept("application/json").get("/api/v1/editions/" + TwoWeeks.WEEK_1).then().statusCode(200)
                .extract().header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
        given().accept("application/json").header("If-None-Match", etag).get("/api/v1/editions/" + TwoWeeks.WEEK_1)
                .then().statusCode(304);
        given().accept("application/json").header("If-None-Match", etag).get("/api/v1/editions/2026-11-27")
                .then().statusCode(200);
    }

    @Test
    void refusesWhatItCannotAnswerWithProblems() {
        given().get("/api/v1/editions/2026-13-45").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:saasreport:problem:invalid-edition-date"))
                .body("detail", containsString("2026-13-45"));
        given().get("/api/v1/editions/last-week").then().statusCode(400).contentType("application/problem+json");
        given().accept("image/png").get("/api/v1/editions/2026-11-27").then().statusCode(406)
                .contentType("application/problem+json");
        given().get("/api/v1/editions/2026-11-13").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("2026-11-13T21:00:00Z"));
        given().get("/api/v1/editions/2099-01-02").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("has not begun"));
    }
}
