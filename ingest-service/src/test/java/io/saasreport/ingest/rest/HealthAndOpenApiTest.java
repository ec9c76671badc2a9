package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.testsupport.ApiDocument;

@QuarkusTest
class HealthAndOpenApiTest {

    @Test
    void isReadyWhileKafkaAnswersWithEveryChannelsTopic() {
        Requests.anonymous().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.broker", equalTo("answering"));
    }

    @Test
    void describesEveryWriteEndpointInOpenApi() {
        Requests.anonymous().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/events", "/api/v1/import/prices",
                        "/api/v1/import/sec-companyfacts", "/api/v1/import/fred-dgs10"))
                .body("paths.'/api/v1/events'.post.summary", equalTo("Publish events"))
                .body("paths.'/api/v1/events'.post.responses.keySet()", hasItems("202", "400", "401", "503"))
                .body("paths.'/api/v1/events'.post.responses.'400'.content.keySet()", hasItems("application/problem+json"))
                // The answers every write can get are described once and referred to.
                .body("paths.'/api/v1/import/prices'.post.responses.'401'.'$ref'", equalTo("#/components/responses/unauthorized"))
                .body("paths.'/api/v1/events'.post.responses.'503'.'$ref'", equalTo("#/components/responses/kafkaUnavailable"))
                .body("components.responses.unauthorized.content.keySet()", hasItems("application/problem+json"))
                .body("components.responses.kafkaUnavailable.content.keySet()", hasItems("application/problem+json"))
                .body("paths.'/api/v1/events'.post.requestBody.content.keySet()", hasItems("application/json", "application/x-ndjson"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/import/prices'.post.description", containsString("16:00 America/New_York"));
    }

    @Test
    void servesWhatDocsApiListsAndNothingElse() {
        ApiDocument.assertDocuments("Ingest", Requests.anonymous().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths"));
    }
}
