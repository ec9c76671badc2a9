package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.saasreport.testsupport.ApiDocument;

@QuarkusTest
class OpenApiTest {

    private static final Set<String> PATHS = Set.of("/api/v1/universe", "/api/v1/universe/top-multiples",
            "/api/v1/universe/movers", "/api/v1/universe/buckets", "/api/v1/universe/operating-medians",
            "/api/v1/universe/scatter", "/api/v1/universe/history", "/api/v1/universe/history/medians",
            "/api/v1/companies", "/api/v1/companies/{ticker}", "/api/v1/companies/{ticker}/history",
            "/api/v1/companies/{ticker}/explain", "/api/v1/companies/{ticker}/quarters",
            "/api/v1/filings/latest", "/api/v1/stream", "/api/v1/editions/{date}", "/api/v1/universes",
            "/api/v1/universes/{name}", "/api/v1/universes/{name}/top-multiples", "/api/v1/universes/{name}/movers",
            "/api/v1/universes/{name}/buckets", "/api/v1/universes/{name}/operating-medians",
            "/api/v1/universes/{name}/scatter", "/api/v1/universes/{name}/history",
            "/api/v1/universes/{name}/history/medians", "/api/v1/alerts", "/api/v1/sources");

    private static JsonPath openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void documentsEveryEndpointWithASummaryAndItsAnswers() {
        JsonPath api = openApi();
        Map<String, Map<String, Object>> paths = api.getMap("paths");

        assertEquals(PATHS, paths.keySet());
        for (String path : PATHS) {
            Map<String, Object> get = api.getMap("paths.'" + path + "'.get");
            assertFalse(String.valueOf(get.get("summary")).isBlank(), path + " has a summary");
            assertTrue(api.getMap("paths.'" + path + "'.get.responses").containsKey("200"), path + " documents its 200");
        }
    }

    @Test
    void servesWhatDocsApiListsAndNothingElse() {
        ApiDocument.assertDocuments("Report", openApi().getMap("paths"));
    }

    @Test
    void documentsTheErrorsAsProblemDocumentsAndTheCsvForm() {
        JsonPath api = openApi();

        assertTrue(api.getMap("paths.'/api/v1/companies/{ticker}'.get.responses.'404'.content").containsKey("application/problem+json"));
        assertTrue(api.getMap("paths.'/api/v1/universe'.get.responses.'503'.content").containsKey("application/problem+json"));
        assertTrue(api.getMap("paths.'/api/v1/companies'.get.responses.'200'.content").containsKey("text/csv"));
        assertTrue(api.getMap("paths.'/api/v1/companies'.get.responses").containsKey("304"), "conditional GET");
        assertTrue(api.getMap("paths.'/api/v1/universe'.get.responses").containsKey("304"), "conditional GET");
        assertTrue(api.getMap("paths.'/api/v1/stream'.get.responses.'200'.content").containsKey("text/event-stream"));
        assertTrue(api.getMap("paths.'/api/v1/universes/{name}'.get.responses.'404'.content").containsKey("application/problem+json"));
        assertTrue(api.getMap("paths.'/api/v1/alerts'.get.responses.'400'.content").containsKey("application/problem+json"));
        Map<String, Object> edition = api.getMap("paths.'/api/v1/editions/{date}'.get.responses.'200'.content");
        assertTrue(edition.keySet().containsAll(Set.of("application/json", "text/markdown", "text/html")), edition.keySet().toString());
        for (String status : Set.of("400", "404", "406")) {
            assertTrue(api.getMap("paths.'/api/v1/editions/{date}'.get.responses.'" + status + "'.content")
                    .containsKey("application/problem+json"), "editions " + status);
        }
        assertTrue(api.getMap("paths.'/api/v1/companies/{ticker}/explain'.get.responses.'404'.content").containsKey("application/problem+json"));
        assertTrue(api.getMap("paths.'/api/v1/companies/{ticker}/explain'.get.responses").containsKey("304"), "conditional GET");
    }

    @Test
    void describesEverySchemaOfTheApi() {
        Map<String, Object> schemas = openApi().getMap("components.schemas");

        for (String schema : Set.of("CompanyMetrics", "UniverseStatistics", "Buckets", "BucketStatistics",
                "OperatingMedians", "TickerValue", "Regression", "WeeklyMovers", "Scatter", "ScatterPoint",
                "MediansPoint", "QuarterlyReport", "Problem", "Quartiles", "OperatingQuartiles", "Edition",
                "EditionChanges", "WeeklyMedians", "CompanyExplanation", "FigureExplanation", "InputUsed",
                "CompanySources", "PriceSource", "QuarterSource", "EstimateSource", "FigureSource")) {
            assertTrue(schemas.containsKey(schema), "schema " + schema);
        }
        assertEquals("Ticker symbol", openApi().getString("components.schemas.CompanyMetrics.properties.ticker.description"));
    }

    @Test
    void servesTheSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
