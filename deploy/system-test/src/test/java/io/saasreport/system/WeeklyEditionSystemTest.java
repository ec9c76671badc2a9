package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.stack.LocalStack;

/**
 * The worked example and a second week of events through the whole system, and the two weekly editions the report
 * makes of them, checked against figures this test computes itself from the events and the spec's expected company
 * figures (EV = price x shares + debt - cash, multiples, medians and quartiles by sorting, least squares in closed
 * form), never against the services' own code.
 *
 * <p>The example's events end at 21:21 UTC on Friday 2026-11-20, after that day's close (16:00 New York = 21:00
 * UTC); every event time is moved one hour earlier, which changes no figure (all rules look at differences of
 * times), so the whole example stands at the first close. Week 2: a new price for every company and a 10-year yield
 * at 2026-11-27 20:00 UTC, and AYV's first estimate, which gives it a multiple: it enters the top 10.
 */
class WeeklyEditionSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHIFT = Duration.ofHours(-1);
    private static final Instant WEEK_1_LAST_CLOSE_PRICE = Instant.parse("2026-11-20T21:00:00Z").plus(SHIFT);
    private static final Instant WEEK_2_TIME = Instant.parse("2026-11-27T20:00:00Z");
    private static final double WEEK_2_YIELD = 4.40;
    private static final double AYV_NTM_REVENUE = 30_000_000_000.0;
    private static final double AYV_NTM_FCF = 6_000_000_000.0;
    private static final double TOLERANCE = 1e-9;

    private static LocalStack stack;
    private static Map<String, JsonNode> week1Companies;
    private static Map<String, Week2Company> week2Companies;

    /** One company's week-2 figures as this test computes them. */
    private record Week2Company(String ticker, Double multiple, Double ntmGrowth, Double growthAdjusted, Double evToNtmFcf,
            Double weeklyChange, Double ruleOf40Ntm) {
    }

    @BeforeAll
    static void runTwoWeeks() throws Exception {
        stack = SystemUnderTest.freshStack();
        List<String> example = WorkedExampleSystemTest.resource("example/events.ndjson").lines()
                .filter(line -> !line.isBlank()).map(WeeklyEditionSystemTest::shifted).toList();
        new Ingest(stack).post(example);
        ObjectNode expectedUniverse = (ObjectNode) MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-universe.json"));
        expectedUniverse.remove("asOf"); // one hour earlier here
        Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode universe = report("/api/v1/universe");
            assertEquals("2026-11-20T20:21:00Z", universe.path("asOf").asText(), "the whole example is in");
            assertEquals(List.of(), JsonFigures.differences(expectedUniverse, universe));
        });

        week1Companies = new LinkedHashMap<>();
        MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-companies.json"))
                .forEach(company -> week1Companies.put(company.get("ticker").asText(), company));
        Map<String, Double> closePrices = pricesAt(example, WEEK_1_LAST_CLOSE_PRICE);
        List<String> week2 = new ArrayList<>();
        week2Companies = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode company : week1Companies.values()) {
            String ticker = company.get("ticker").asText();
            double price = company.get("price").asDouble() * (0.9 + 0.03 * i++); // -10 % .. +14 %
            week2.add("{\"type\":\"price\",\"ticker\":\"" + ticker + "\",\"price\":" + price + ",\"at\":\"" + WEEK_2_TIME + "\"}");
            week2Companies.put(ticker, week2Company(company, price, price / closePrices.get(ticker) - 1));
        }
        week2.add("{\"type\":\"estimate\",\"ticker\":\"AYV\",\"asOf\":\"" + WEEK_2_TIME + "\",\"ntmRevenue\":" + AYV_NTM_REVENUE
                + ",\"ntmFcf\":" + AYV_NTM_FCF + "}");
        week2.add("{\"type\":\"macro\",\"asOf\":\"" + WEEK_2_TIME + "\",\"tenYearYield\":" + WEEK_2_YIELD + "}");
        new Ingest(stack).post(week2);
        Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode universe = report("/api/v1/universe");
            assertEquals(WEEK_2_TIME.toString(), universe.path("asOf").asText());
            assertEquals(9, universe.path("companyCount").asInt(), "AYV has a multiple");
        });
        // An edition is built from the stored history, which the report's writers keep up to a batch behind the view
        // (report.kafka.writer-linger); this week's, provisional, is then served as built for a while.
        Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(WEEK_2_TIME.toString(), report("/api/v1/editions/2026-11-27").path("asOf").asText()));
    }

    @Test
    void theFirstEditionIsTheWorkedExampleWithItsQuartiles() throws Exception {
        JsonNode expected = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-universe.json"));
        JsonNode edition = report("/api/v1/editions/2026-11-20");

        assertEquals("2026-11-20T21:00:00Z", edition.path("close").asText());
        assertEquals("2026-11-20T20:21:00Z", edition.path("asOf").asText());
        JsonNode headline = edition.path("headline");
        for (String figure : List.of("companyCount", "medianEvToNtmRevenue", "top5MedianEvToNtmRevenue",
                "medianGrowthAdjustedMultiple", "medianEvToNtmFcf", "tenYearYield")) {
            assertClose(expected.path(figure).asDouble(), headline.path(figure).asDouble(), figure);
        }
        List<Double> multiples = week1Values(company -> company.path("evToNtmRevenue"));
        assertClose(quantile(multiples, 0.25), headline.at("/quartilesEvToNtmRevenue/p25").asDouble(), "P25");
        assertClose(quantile(multiples, 0.75), headline.at("/quartilesEvToNtmRevenue/p75").asDouble(), "P75");
        assertEquals(tickers(expected.path("topByEvToNtmRevenue")), tickers(edition.path("topMultiples")));
        assertEquals(8, edition.at("/scatter/points").size());
        assertClose(expected.at("/regression/slope").asDouble(), edition.at("/scatter/regression/slope").asDouble(), "slope");
        assertEquals(tickers(expected.path("topWeeklyGainers")), tickers(edition.at("/movers/gainers")));
        assertEquals(9, edition.path("quarterlyReports").size());
    }

    @Test
    void theSecondEditionAndItsChangesAreThoseComputedFromTheEvents() throws Exception {
        JsonNode expected = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-universe.json"));
        JsonNode edition = report("/api/v1/editions/2026-11-27");
        List<Week2Company> companies = List.copyOf(week2Companies.values());
        List<Double> multiples = values(companies, Week2Company::multiple);

        assertEquals("2026-11-27T21:00:00Z", edition.path("close").asText());
        assertEquals(WEEK_2_TIME.toString(), edition.path("asOf").asText());
        JsonNode headline = edition.path("headline");
        assertClose(9, headline.path("companyCount").asDouble(), "companyCount");
        assertClose(median(multiples), headline.path("medianEvToNtmRevenue").asDouble(), "median");
        assertClose(quantile(multiples, 0.25), headline.at("/quartilesEvToNtmRevenue/p25").asDouble(), "P25");
        assertClose(quantile(multiples, 0.75), headline.at("/quartilesEvToNtmRevenue/p75").asDouble(), "P75");
        List<Double> highestFirst = multiples.stream().sorted(Comparator.reverseOrder()).toList();
        assertClose(highestFirst.get(2), headline.path("top5MedianEvToNtmRevenue").asDouble(), "top-5 median");
        assertClose(median(values(companies, Week2Company::growthAdjusted)), headline.path("medianGrowthAdjustedMultiple").asDouble(),
                "growth-adjusted");
        List<Double> fcfMultiples = values(companies, Week2Company::evToNtmFcf).stream().filter(m -> m > 0 && m < 100).toList();
        assertClose(median(fcfMultiples), headline.path("medianEvToNtmFcf").asDouble(), "EV / NTM FCF");
        assertClose(WEEK_2_YIELD, headline.path("tenYearYield").asDouble(), "yield");

        List<String> top = companies.stream().filter(c -> c.multiple() != null)
                .sorted(Comparator.comparing(Week2Company::multiple).reversed()).map(Week2Company::ticker).toList();
        assertEquals(top, tickers(edition.path("topMultiples")));
        List<String> gainers = companies.stream().sorted(Comparator.comparing(Week2Company::weeklyChange).reversed()
                .thenComparing(Week2Company::ticker)).map(Week2Company::ticker).toList();
        assertEquals(gainers, tickers(edition.at("/movers/gainers")));
        assertClose(median(bucket(companies, g -> g < 0.15)), edition.at("/buckets/low/medianEvToNtmRevenue").asDouble(), "low bucket");
        assertEquals(2, edition.at("/buckets/low/count").asInt(), "UMV and AYV");
        double[] fit = leastSquares(companies);
        assertClose(fit[0], edition.at("/scatter/regression/slope").asDouble(), "slope");
        assertClose(fit[1], edition.at("/scatter/regression/intercept").asDouble(), "intercept");
        assertEquals(9, edition.at("/scatter/points").size());

        JsonNode changes = edition.path("changes");
        assertEquals("2026-11-20", changes.path("since").asText());
        assertClose(median(multiples) - expected.path("medianEvToNtmRevenue").asDouble(),
                changes.at("/headline/medianEvToNtmRevenue/change").asDouble(), "median change");
        assertClose(WEEK_2_YIELD - expected.path("tenYearYield").asDouble(), changes.at("/headline/tenYearYield/change").asDouble(),
                "yield change");
        assertClose(1, changes.at("/headline/companyCount/change").asDouble(), "count change");
        assertClose(1, changes.at("/buckets/low/count/change").asDouble(), "low bucket count change");
        assertClose(0, changes.at("/buckets/high/count/change").asDouble(), "high bucket count change");
        assertClose(median(bucket(companies, g -> g > 0.22)) - expected.at("/buckets/high/medianEvToNtmRevenue").asDouble(),
                changes.at("/buckets/high/medianEvToNtmRevenue/change").asDouble(), "high bucket median change");
        assertEquals(List.of("AYV"), tickers(changes.at("/topMultiples/entered")));
        assertEquals(List.of(), tickers(changes.at("/topMultiples/exited")));
        assertClose(fit[0] - expected.at("/regression/slope").asDouble(), changes.at("/regression/slope/change").asDouble(), "slope change");
        assertClose(median(values(companies, Week2Company::ntmGrowth)) - median(week1Values(c -> c.path("ntmGrowth"))),
                changes.at("/operatingMedians/ntmGrowth/change").asDouble(), "NTM growth median change");
        assertClose(median(values(companies, Week2Company::ruleOf40Ntm)) - median(week1Values(c -> c.path("ruleOf40Ntm"))),
                changes.at("/operatingMedians/ruleOf40Ntm/change").asDouble(), "Rule of 40 (NTM) median change");
        assertClose(0, changes.at("/operatingMedians/grossMargin/change").asDouble(), "no filing, no margin change");

        JsonNode history = edition.path("medianHistory");
        JsonNode last = history.get(history.size() - 1);
        JsonNode before = history.get(history.size() - 2);
        assertEquals(List.of("2026-11-20", "2026-11-27"), List.of(before.path("week").asText(), last.path("week").asText()));
        assertClose(expected.path("medianEvToNtmRevenue").asDouble(), before.path("overall").asDouble(), "history week 1");
        assertClose(median(multiples), last.path("overall").asDouble(), "history week 2");
    }

    @Test
    void theEditionIsAlsoMarkdownAndAPrintablePage() throws Exception {
        HttpResponse<String> markdown = get("/api/v1/editions/2026-11-27", "text/markdown");
        assertEquals(200, markdown.statusCode());
        assertTrue(markdown.body().contains("Entered the top 10: AYV. Left it: none."), markdown.body());
        HttpResponse<String> html = get("/api/v1/editions/2026-11-27", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("<canvas id=\"chart-history\">"), html.body());
    }

    // --- this test's own computation -------------------------------------------------------------------

    /** A company's week-2 figures from the spec's week-1 figures, its new price and (AYV) its first estimate. */
    private static Week2Company week2Company(JsonNode week1, double price, double weeklyChange) {
        String ticker = week1.get("ticker").asText();
        double enterpriseValue = price * week1.get("sharesOutstanding").asDouble() + orZero(week1.get("debt")) - orZero(week1.get("cash"));
        Double ntmRevenue = number(week1.get("ntmRevenue"));
        Double ntmFcf = number(week1.get("ntmFcf"));
        Double ntmGrowth = number(week1.get("ntmGrowth"));
        Double ruleOf40Ntm = number(week1.get("ruleOf40Ntm"));
        if (ticker.equals("AYV")) {
            ntmRevenue = AYV_NTM_REVENUE;
            ntmFcf = AYV_NTM_FCF;
            ntmGrowth = AYV_NTM_REVENUE / week1.get("ltmRevenue").asDouble() - 1;
            ruleOf40Ntm = ntmGrowth + AYV_NTM_FCF / AYV_NTM_REVENUE;
        }
        Double multiple = ntmRevenue != null && ntmRevenue > 0 ? enterpriseValue / ntmRevenue : null;
        Double growthAdjusted = multiple != null && ntmGrowth != null && ntmGrowth > 0 ? multiple / (ntmGrowth * 100) : null;
        Double evToNtmFcf = ntmFcf != null && ntmFcf > 0 ? enterpriseValue / ntmFcf : null;
        return new Week2Company(ticker, multiple, ntmGrowth, growthAdjusted, evToNtmFcf, weeklyChange, ruleOf40Ntm);
    }

    /** Slope and intercept of the multiple on NTM growth, in closed form over the centred sums. */
    private static double[] leastSquares(List<Week2Company> companies) {
        List<Week2Company> points = companies.stream().filter(c -> c.multiple() != null && c.ntmGrowth() != null).toList();
        double meanX = points.stream().mapToDouble(Week2Company::ntmGrowth).average().orElseThrow();
        double meanY = points.stream().mapToDouble(Week2Company::multiple).average().orElseThrow();
        double sxy = points.stream().mapToDouble(p -> (p.ntmGrowth() - meanX) * (p.multiple() - meanY)).sum();
        double sxx = points.stream().mapToDouble(p -> (p.ntmGrowth() - meanX) * (p.ntmGrowth() - meanX)).sum();
        double slope = sxy / sxx;
        return new double[] {slope, meanY - slope * meanX};
    }

    private static List<Double> bucket(List<Week2Company> companies, Predicate<Double> growth) {
        return companies.stream().filter(c -> c.ntmGrowth() != null && growth.test(c.ntmGrowth()) && c.multiple() != null)
                .map(Week2Company::multiple).toList();
    }

    /** numpy.quantile's default: sorted, position (n - 1) p, linear between the two neighbours. */
    private static double quantile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = (sorted.size() - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) * (1 - (position - below)) + sorted.get(above) * (position - below);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Double> values(List<Week2Company> companies, Function<Week2Company, Double> figure) {
        return companies.stream().map(figure).filter(Objects::nonNull).toList();
    }

    private static List<Double> week1Values(Function<JsonNode, JsonNode> figure) {
        return week1Companies.values().stream().map(figure).filter(JsonNode::isNumber).map(JsonNode::asDouble).toList();
    }

    /** The price each ticker had at {@code at} in the (shifted) events. */
    private static Map<String, Double> pricesAt(List<String> events, Instant at) throws IOException {
        Map<String, Double> prices = new HashMap<>();
        for (String line : events) {
            JsonNode event = MAPPER.readTree(line);
            if (event.path("type").asText().equals("price") && Instant.parse(event.path("at").asText()).equals(at)) {
                prices.put(event.path("ticker").asText(), event.path("price").asDouble());
            }
        }
        return prices;
    }

    /** The event one hour earlier: every instant it carries moves by {@link #SHIFT}. */
    private static String shifted(String line) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(line);
            for (String field : List.of("at", "asOf", "filedAt")) {
                if (event.hasNonNull(field)) {
                    event.put(field, Instant.parse(event.get(field).asText()).plus(SHIFT).toString());
                }
            }
            return event.toString();
        } catch (IOException e) {
            throw new IllegalStateException(line, e);
        }
    }

    private static List<String> tickers(JsonNode entries) {
        List<String> tickers = new ArrayList<>();
        entries.forEach(entry -> tickers.add(entry.path("ticker").asText()));
        return tickers;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    private static double orZero(JsonNode value) {
        return value == null || !value.isNumber() ? 0 : value.asDouble();
    }

    private static Double number(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static JsonNode report(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "application/json");
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        URI uri = stack.uri(LocalStack.REPORT).resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
