package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

/** Pollers that send back the ETag they hold get an empty 304 until the answer changes. */
@QuarkusTest
class EtagTest {

    private static final String SORTED_TABLE = "/api/v1/companies?sort=evToNtmRevenue&order=desc";

    @Inject
    ReportDatabase database;

    @TestHTTPResource("/api/v1/companies")
    URL table;

    @BeforeEach
    void publishTheExample() {
        database.clear();
        Upstream.example();
        eventually(() -> given().get("/api/v1/companies").then().body("$", hasSize(ExampleData.TICKERS.size())));
    }

    @Test
    void theUniverseIs304UntilItChanges() {
        Response first = given().get("/api/v1/universe");
        String etag = first.then().statusCode(200).header("Cache-Control", "no-cache").extract().header("ETag");

        given().header("If-None-Match", etag).get("/api/v1/universe").then()
                .statusCode(304).header("ETag", etag).body(emptyString());
        given().header("If-None-Match", "\"something else\"").get("/api/v1/universe").then()
                .statusCode(200).body("medianEvToNtmRevenue", equalTo(10.579471721727582));

        Upstream.universe(ExampleData.universe(ExampleData.AS_OF.plusSeconds(60), u -> u.put("tenYearYield", 4.6)));
        eventually(() -> given().header("If-None-Match", etag).get("/api/v1/universe").then()
                .statusCode(200).header("ETag", not(equalTo(etag))).body("tenYearYield", equalTo(4.6)));
    }

    @Test
    void aLargeTableIsGzippedForClientsThatAcceptItWithItsOwnEtag() throws Exception {
        for (int i = 0; i < 30; i++) {
            String ticker = "ZZ" + i;
            Upstream.company(ExampleData.company("BPH", ExampleData.AS_OF, c -> c.put("ticker", ticker)));
        }
        eventually(() -> given().get("/api/v1/companies").then().body("$", hasSize(ExampleData.TICKERS.size() + 30)));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(table + "?sort=price")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(URI.create(table + "?sort=price"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(Optional.empty(), plain.headers().firstValue("Content-Encoding"));
        assertEquals(Optional.of("gzip"), gzipped.headers().firstValue("Content-Encoding"));
        assertTrue(gzipped.body().length * 4 < plain.body().length, "compressed");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(plain.headers().firstValue("ETag").orElseThrow(), gzipTag);
        assertEquals(304, http.send(HttpRequest.newBuilder(URI.create(table + "?sort=price")).header("Accept-Encoding", "gzip")
                .header("If-None-Match", gzipTag).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void theSortedTableAndACompanyAre304UntilTheyChange() {
        String table = given().get(SORTED_TABLE).then().statusCode(200).extract().header("ETag");
        String bph = given().get("/api/v1/companies/BPH").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", table).get(SORTED_TABLE).then().statusCode(304).body(emptyString());
        given().header("If-None-Match", bph).get("/api/v1/companies/BPH").then().statusCode(304);
        assertNotEquals(table, given().get("/api/v1/companies?sort=evToNtmRevenue&order=asc").header("ETag"),
                "another order is another answer");

        Upstream.company(ExampleData.company("BPH", ExampleData.AS_OF.plusSeconds(60), b -> b.put("evToNtmRevenue", 99.0)));
        eventually(() -> given().header("If-None-Match", table).get(SORTED_TABLE).then()
                .statusCode(200).body("[0].ticker", equalTo("BPH")));
        given().header("If-None-Match", bph).get("/api/v1/companies/BPH").then().statusCode(200).body("evToNtmRevenue", equalTo(99.0));
    }
}
