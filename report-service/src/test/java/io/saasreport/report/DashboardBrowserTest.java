package io.saasreport.report;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.HeadlessChromium;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;
import io.saasreport.testsupport.Program;
import io.saasreport.testsupport.RequiresPrograms;

/**
 * The dashboard in a real headless Chromium: it must draw the numbers the API serves. Chromium and its driver are
 * Debian's ({@code apt-get install chromium chromium-driver}), found on the PATH; Selenium is pointed at them and never
 * downloads anything. Without them the class is skipped (see {@link RequiresPrograms}).
 */
@QuarkusTest
@RequiresPrograms({ Program.CHROMIUM, Program.CHROMEDRIVER })
class DashboardBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    /** The interquartile range of EV / NTM revenue published with the example (the band around the median). */
    private static final double P25 = 6.0;
    private static final double P75 = 15.0;
    private static final Path COMPANY_SCREENSHOT = Path.of("target", "company.png");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL dashboard;

    @Inject
    ReportDatabase database;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start("dashboard", "1440,2450", options -> {
        });
        browser = chromium.browser();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /**
     * The example, a week of history leading up to it, and the filings behind it. Each universe is stored before the
     * next is published: the values of one key that arrive in one batch are conflated to the newest.
     */
    private void publishAReport() {
        database.clear();
        Upstream.companies(ExampleData.AS_OF);
        for (int daysBefore = 6; daysBefore >= 1; daysBefore--) {
            double drift = 1 - 0.025 * daysBefore;
            Upstream.universe(ExampleData.universe(ExampleData.AS_OF.minus(Duration.ofDays(daysBefore)), universe -> {
                universe.put("medianEvToNtmRevenue", universe.get("medianEvToNtmRevenue").asDouble() * drift);
                universe.put("top5MedianEvToNtmRevenue", universe.get("top5MedianEvToNtmRevenue").asDouble() * drift);
                universe.putObject("quartilesEvToNtmRevenue").put("p25", P25 * drift).put("p75", P75 * drift);
                universe.with("buckets").with("high").put("medianEvToNtmRevenue",
                        universe.at("/buckets/high/medianEvToNtmRevenue").asDouble() * (2 - drift));
            }));
            Upstream.awaitStored();
        }
        Upstream.universe(ExampleData.universe(ExampleData.AS_OF,
                universe -> universe.putObject("quartilesEvToNtmRevenue").put("p25", P25).put("p75", P75)));
        ExampleData.filings().forEach(Upstream::filing);
        eventually(() -> given().get("/api/v1/universe").then().body("asOf", equalTo(ExampleData.AS_OF.toString())));
        eventually(() -> given().get("/api/v1/filings/latest").then().body("$", hasSize(ExampleData.TICKERS.size())));
    }

    @Test
    void drawsTheNumbersTheApiServesAndSavesAScreenshot() throws IOException {
        publishAReport();
        JsonPath universe = given().get("/api/v1/universe").jsonPath();
        JsonPath scatter = given().get("/api/v1/universe/scatter").jsonPath();
        List<String> companies = given().get("/api/v1/companies").jsonPath().getList("ticker");

        browser.get(dashboard.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        WebElement topMultiples = browser.findElement(By.id("chart-top-multiples"));
        assertEquals(universe.getList("topByEvToNtmRevenue.ticker"), labels(topMultiples), "top-10 bars, highest first");
        assertEquals(universe.getList("topByEvToNtmRevenue.value", Double.class), values(topMultiples));
        WebElement median = browser.findElement(By.id("kpi-median-ev-ntm"));
        assertEquals("10.58x", median.getText());
        assertEquals(universe.getDouble("medianEvToNtmRevenue"), Double.parseDouble(median.getDomAttribute("data-value")));
        assertEquals("8", browser.findElement(By.id("kpi-company-count")).getText());
        assertEquals(scatter.getList("points.ticker"), labels(browser.findElement(By.id("chart-scatter"))));
        assertEquals(List.of(14.276897519987388, 7.658677423667043, 2.5396549425711763),
                values(browser.findElement(By.id("chart-buckets"))), "bucket medians high, mid, low");
        assertEquals(7, labels(browser.findElement(By.id("chart-history"))).size(), "a point per history snapshot");
        assertInTimeOrder();
        List<Double> upperEdge = new java.util.ArrayList<>();
        for (int daysBefore = 6; daysBefore >= 0; daysBefore--) {
            upperEdge.add(daysBefore == 0 ? P75 : P75 * (1 - 0.025 * daysBefore));
        }
        @SuppressWarnings("unchecked")
        List<Number> drawnUpperEdge = (List<Number>) browser.executeScript("return Chart.getChart('chart-history').data.datasets"
                + ".find(d => d.key === 'overallP75' && d.fill === '-1').data.map(p => p.y);");
        assertEquals(upperEdge, drawnUpperEdge.stream().map(Number::doubleValue).toList(),
                "the P25 – P75 band's upper edge at every history point, filled down to P25");
        assertEquals("/api/v1/editions/latest", browser.findElement(By.id("edition-link")).getDomAttribute("href"));
        assertEquals(universe.getList("topWeeklyGainers.ticker"), labels(browser.findElement(By.id("chart-gainers"))));
        assertEquals(companies, browser.findElements(By.cssSelector("#comps-table tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-key")).toList(), "the comps table, by ticker");
        assertEquals("26.06%", browser.findElement(
                By.cssSelector("#comps-table tr[data-key='BPH'] td[data-field='ntmGrowth']")).getText());
        assertEquals(ExampleData.TICKERS.size(), browser.findElements(By.cssSelector("#quarterly-reports tbody tr")).size());
        // The Sources panel: no ingest service is configured in this test, and it says so; the companies whose
        // estimate is missing are listed by ticker.
        assertEquals("Feeds not shown: report.feeds.url (REPORT_FEEDS_URL) is not set",
                browser.findElement(By.id("sources-note")).getText());
        List<String> withoutEstimate = given().get("/api/v1/companies").jsonPath().getList("findAll { it.ntmRevenue == null }.ticker");
        assertEquals(withoutEstimate, browser.findElements(By.cssSelector("#missing-estimates li")).stream()
                .map(item -> item.getDomAttribute("data-ticker")).toList());

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Two universes side by side, switchable, and the alerts list. */
    @Test
    void showsTwoUniversesSideBySideAndTheAlerts() {
        publishAReport();
        Upstream.universe("growth", ExampleData.universe(ExampleData.AS_OF, growth -> {
            growth.put("companyCount", 5);
            growth.put("medianEvToNtmRevenue", 13.5);
        }));
        Upstream.alert("{\"id\":\"growth/top10-left/WMRM/9\",\"universe\":\"growth\",\"type\":\"top10-left\","
                + "\"ticker\":\"WMRM\",\"at\":\"2026-11-20T21:21:00Z\",\"previous\":15.4,\"rank\":1}");
        eventually(() -> given().get("/api/v1/universes/growth").then().statusCode(200));
        eventually(() -> given().get("/api/v1/alerts").then().body("$", hasSize(1)));

        browser.get(dashboard.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "growth".equals(
                browser.findElement(By.id("universe-right")).getDomAttribute("data-universe"))
                && "5".equals(browser.findElement(By.id("universe-right-count")).getText()));
        assertEquals("universe", browser.findElement(By.id("universe-left")).getDomAttribute("data-universe"));
        assertEquals("8", browser.findElement(By.id("universe-left-count")).getText());
        assertEquals("13.50x", browser.findElement(By.id("universe-right-median")).getText());
        assertEquals(8, browser.findElements(By.cssSelector("#universe-right-top tbody tr")).size());
        assertEquals(3, browser.findElements(By.cssSelector("#universe-left-buckets tbody tr")).size());

        // As a user picks it: the select's value changes and it fires 'change'.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const s = document.getElementById('universe-left-select'); s.value = 'growth';"
                        + " s.dispatchEvent(new Event('change'));");
        await().atMost(Duration.ofSeconds(30)).until(() -> "5".equals(browser.findElement(By.id("universe-left-count")).getText()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(
                By.cssSelector("#alerts-table tr[data-key='growth/top10-left/WMRM/9']")).isEmpty());
        assertEquals("top10-left", browser.findElement(
                By.cssSelector("#alerts-table tr[data-key='growth/top10-left/WMRM/9'] td[data-field='type']")).getText());
    }

    /** The dashboard follows the event stream: a new universe shows without reloading the page or polling for it. */
    @Test
    void showsAChangeFromTheStreamWithoutReloading() throws IOException {
        publishAReport();
        browser.get(dashboard.toString());
        WebElement body = browser.findElement(By.tagName("body"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(body.getDomAttribute("data-loaded"))
                && "open".equals(body.getDomAttribute("data-stream")));
        browser.executeScript("window.sameDocument = true;");
        int eventsBefore = streamEvents(body);

        Instant later = ExampleData.AS_OF.plus(Duration.ofHours(1));
        Upstream.universe(ExampleData.universe(later, universe -> universe.put("medianEvToNtmRevenue", 12.3456)));

        WebElement median = browser.findElement(By.id("kpi-median-ev-ntm"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "12.35x".equals(median.getText()));
        assertEquals(Boolean.TRUE, browser.executeScript("return window.sameDocument === true;"), "not reloaded");
        assertEquals("stream", body.getDomAttribute("data-universe-from"), "drawn from a stream event, not a poll");
        assertTrue(streamEvents(body) > eventsBefore, "stream events received");
        // The new universe is a history point too, at the end of the time axis.
        await().atMost(Duration.ofSeconds(60)).until(() -> labels(browser.findElement(By.id("chart-history"))).size() == 8);
        assertEquals(later.toString(), labels(browser.findElement(By.id("chart-history"))).get(7));
        assertInTimeOrder();
    }

    /**
     * A click on the highest bar of the top-10 chart opens that company's page, which shows the figures, the history,
     * the quarters and the explanation the API serves for it.
     */
    @Test
    void opensACompanyPageFromTheTopTenChart() throws IOException {
        publishAReport();
        String top = given().get("/api/v1/universe").jsonPath().getString("topByEvToNtmRevenue[0].ticker");
        publishLaterFiguresOf(top);

        browser.get(dashboard.toString());
        WebElement body = browser.findElement(By.tagName("body"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(body.getDomAttribute("data-loaded")));
        clickFirstBar("chart-top-multiples");

        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().endsWith("/company.html?ticker=" + top)
                && "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        JsonPath company = given().get("/api/v1/companies/" + top).jsonPath();
        for (String figure : List.of("price", "marketCap", "enterpriseValue", "evToNtmRevenue", "ntmGrowth",
                "growthAdjustedMultiple", "evToNtmFcf", "ruleOf40Ntm", "weeklyPriceChange")) {
            assertEquals(company.getString(figure) == null ? "" : String.valueOf(company.getDouble(figure)),
                    shownValue(browser.findElement(By.id("company-" + figure))), figure);
        }
        assertEquals(String.format(Locale.ROOT, "%.2fx", company.getDouble("evToNtmRevenue")),
                browser.findElement(By.id("company-evToNtmRevenue")).getText());

        List<String> history = given().queryParam("resolution", "hour").get("/api/v1/companies/" + top + "/history")
                .jsonPath().getList("asOf");
        assertEquals(4, history.size(), "the example's point and three later ones");
        assertEquals(history, labels(browser.findElement(By.id("chart-company-history"))));

        JsonPath quarters = given().get("/api/v1/companies/" + top + "/quarters").jsonPath();
        List<String> quarterLabels = quarters.getList("$").stream().map(q -> (Map<?, ?>) q)
                .map(q -> "FY" + q.get("fiscalYear") + " Q" + q.get("fiscalQuarter")).toList();
        assertEquals(quarterLabels, labels(browser.findElement(By.id("chart-company-quarters"))), "oldest first");
        assertEquals(quarters.getList("revenue", Double.class), values(browser.findElement(By.id("chart-company-quarters"))));
        assertEquals(quarterLabels.size(), browser.findElements(By.cssSelector("#company-quarters tbody tr")).size());

        JsonPath explanation = given().get("/api/v1/companies/" + top + "/explain").jsonPath();
        List<WebElement> rows = browser.findElements(By.cssSelector("#company-explanation tbody tr"));
        assertEquals(explanation.getList("figures.figure"), rows.stream().map(row -> row.getDomAttribute("data-figure")).toList());
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            assertEquals(explanation.getList("figures[" + i + "].inputs.input"), row.findElements(By.cssSelector("li"))
                    .stream().map(input -> input.getDomAttribute("data-input")).toList(), row.getDomAttribute("data-figure"));
            assertEquals(explanation.getString("figures[" + i + "].definition"),
                    row.findElement(By.cssSelector("td[data-field='definition']")).getText());
        }

        Files.createDirectories(COMPANY_SCREENSHOT.getParent());
        Files.write(COMPANY_SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A row of the comps table and a point of the scatter open their company's page too. */
    @Test
    void tableRowsAndScatterPointsOpenTheirCompanysPage() {
        publishAReport();
        browser.get(dashboard.toString());
        WebElement body = browser.findElement(By.tagName("body"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(body.getDomAttribute("data-loaded")));
        browser.findElement(By.cssSelector("#comps-table tr[data-key='BPH'] td[data-field='name']")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().endsWith("/company.html?ticker=BPH"));

        browser.get(dashboard.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        String first = (String) browser.executeScript("return Chart.getChart('chart-scatter').data.datasets[0].data[0].ticker;");
        clickFirstPoint("chart-scatter");
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().endsWith("/company.html?ticker=" + first));
    }

    /** Three later figures of one company, each stored before the next (one batch would keep only the newest). */
    private static void publishLaterFiguresOf(String ticker) {
        for (int hours = 1; hours <= 3; hours++) {
            double drift = 1 + 0.05 * hours;
            Upstream.company(ExampleData.company(ticker, ExampleData.AS_OF.plus(Duration.ofHours(hours)), company -> {
                company.put("evToNtmRevenue", company.get("evToNtmRevenue").asDouble() * drift);
                company.put("ntmGrowth", company.get("ntmGrowth").asDouble() * drift);
            }));
            Upstream.awaitStored();
        }
    }

    /** A real mouse click in the middle of the first bar, where Chart.js drew it. */
    private static void clickFirstBar(String canvasId) {
        @SuppressWarnings("unchecked")
        Map<String, Number> bar = (Map<String, Number>) browser.executeScript("const bar = Chart.getChart(arguments[0])"
                + ".getDatasetMeta(0).data[0]; return {x: (bar.x + bar.base) / 2, y: bar.y};", canvasId);
        clickCanvasAt(canvasId, bar.get("x").doubleValue(), bar.get("y").doubleValue());
    }

    private static void clickFirstPoint(String canvasId) {
        @SuppressWarnings("unchecked")
        Map<String, Number> point = (Map<String, Number>) browser.executeScript("const point = Chart.getChart(arguments[0])"
                + ".getDatasetMeta(0).data[0]; return {x: point.x, y: point.y};", canvasId);
        clickCanvasAt(canvasId, point.get("x").doubleValue(), point.get("y").doubleValue());
    }

    /** Selenium's offsets count from the element's centre. */
    private static void clickCanvasAt(String canvasId, double x, double y) {
        WebElement canvas = browser.findElement(By.id(canvasId));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", canvas);
        Rectangle box = canvas.getRect();
        new Actions(browser).moveToElement(canvas, (int) Math.round(x - box.getWidth() / 2.0),
                (int) Math.round(y - box.getHeight() / 2.0)).click().perform();
    }

    /** A figure's raw value as the page keeps it (data-value), as a double's text; empty when missing. */
    private static String shownValue(WebElement figure) {
        String value = figure.getDomAttribute("data-value");
        return value == null || value.isEmpty() ? "" : String.valueOf(Double.parseDouble(value));
    }

    private static int streamEvents(WebElement body) {
        String events = body.getDomAttribute("data-stream-events");
        return events == null ? 0 : Integer.parseInt(events);
    }

    /** The history chart's points, as published and as drawn, strictly by time. */
    private static void assertInTimeOrder() throws IOException {
        List<Instant> published = labels(browser.findElement(By.id("chart-history"))).stream().map(Instant::parse).toList();
        assertEquals(published.stream().sorted().distinct().toList(), published, "published in time order");
        @SuppressWarnings("unchecked")
        List<Number> drawn = (List<Number>) browser.executeScript(
                "return Chart.getChart('chart-history').data.datasets[0].data.map(p => p.x);");
        List<Long> xs = drawn.stream().map(Number::longValue).toList();
        assertEquals(xs.stream().sorted().distinct().toList(), xs, "drawn in time order");
        assertEquals(published.stream().map(Instant::toEpochMilli).toList(), xs);
    }

    private static List<String> labels(WebElement chart) throws IOException {
        return JSON.readValue(chart.getDomAttribute("data-labels"), new TypeReference<List<String>>() {
        });
    }

    private static List<Double> values(WebElement chart) throws IOException {
        return JSON.readValue(chart.getDomAttribute("data-values"), new TypeReference<List<Double>>() {
        });
    }
}
