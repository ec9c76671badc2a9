package io.saasreport.report;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PrintOptions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.saasreport.report.support.Api;
import io.saasreport.report.support.HeadlessChromium;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.TwoWeeks;
import io.saasreport.testsupport.Program;
import io.saasreport.testsupport.RequiresPrograms;

/**
 * The HTML edition in a real headless Chromium (Debian's chromium and chromedriver, as for the dashboard): it draws
 * every chart without a script error, shows the headline figures the JSON edition gives, and prints to PDF.
 */
@QuarkusTest
@RequiresPrograms({ Program.CHROMIUM, Program.CHROMEDRIVER })
class EditionBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "edition.png");
    private static final Path PDF = Path.of("target", "edition.pdf");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @TestHTTPResource("/api/v1/editions/2026-11-27")
    URL edition;

    @Inject
    ReportDatabase database;

    @BeforeAll
    static void startChromium() throws IOException {
        // The page's console and uncaught errors, read back after loading it.
        chromium = HeadlessChromium.start("edition", "1280,3200",
                options -> options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL")));
        browser = chromium.browser();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void drawsTheEditionWithoutErrorsShowsTheJsonFiguresAndPrints() throws IOException {
        database.clear();
        TwoWeeks.publish();
        JsonPath json = Api.given().accept("application/json").get(edition.toString()).jsonPath();

        browser.get(edition.toString()); // a browser's own Accept header: the page
        WebElement body = browser.findElement(By.tagName("body"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(body.getDomAttribute("data-drawn")));

        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertEquals(List.of(), severe, "no script errors or warnings in the browser's log");

        assertHeadline("headline-median-ev-ntm", json.getDouble("headline.medianEvToNtmRevenue"), "11.64x");
        assertHeadline("headline-top5-median", json.getDouble("headline.top5MedianEvToNtmRevenue"), "16.56x");
        assertHeadline("headline-company-count", json.getDouble("headline.companyCount"), "8");
        assertHeadline("headline-ten-year", json.getDouble("headline.tenYearYield"), "4.40%");
        assertTrue(browser.findElement(By.id("headline-median-ev-ntm")).findElement(By.xpath(".."))
                .getText().contains("P25 – P75: 6.73x – 16.66x"));

        assertEquals(json.getList("topMultiples.ticker"), labels("chart-top-multiples"), "top-10 bars, highest first");
        assertEquals(json.getList("topMultiples.value", Double.class), values("chart-top-multiples"));
        assertEquals(json.getList("scatter.points.ticker"), labels("chart-scatter"));
        assertEquals(json.getList("medianHistory.week"), labels("chart-history"));
        assertEquals(List.of("high", "mid", "low"), labels("chart-buckets"));
        assertEquals(json.getList("movers.gainers.ticker").get(0), labels("chart-movers").get(0));
        assertEquals(json.getList("medianHistory.overallP75", Double.class), browser.executeScript(
                "return Chart.getChart('chart-history').data.datasets.find(d => d.fill === '-1').data;"),
                "the P25 – P75 band reaches P75 at every weekly close");

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));

        byte[] pdf = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
        Files.write(PDF, pdf);
        assertTrue(pdf.length > 10_000, "a PDF with the charts, " + pdf.length + " bytes");
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    }

    private static void assertHeadline(String id, double json, String text) {
        WebElement figure = browser.findElement(By.id(id));
        assertEquals(json, Double.parseDouble(figure.getDomAttribute("data-value")), id);
        assertEquals(text, figure.getText(), id);
    }

    private static List<String> labels(String canvas) throws IOException {
        return JSON.readValue(browser.findElement(By.id(canvas)).getDomAttribute("data-labels"), new TypeReference<List<String>>() {
        });
    }

    private static List<Double> values(String canvas) throws IOException {
        return JSON.readValue(browser.findElement(By.id(canvas)).getDomAttribute("data-values"), new TypeReference<List<Double>>() {
        });
    }
}
