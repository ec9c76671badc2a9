package io.saasreport.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ApiDocumentTest {

    @Test
    void aDocumentedPathStandsForTheTemplateItMatches() {
        assertTrue(ApiDocument.matches("GET /api/v1/editions/{date}", "GET /api/v1/editions/latest"));
        assertTrue(ApiDocument.matches("GET /api/v1/universes/{name}/history", "GET /api/v1/universes/{name}/history"));
        assertFalse(ApiDocument.matches("GET /api/v1/universes/{name}", "GET /api/v1/universes/a/history"));
        assertFalse(ApiDocument.matches("PUT /api/v1/universes/{name}", "GET /api/v1/universes/x"));
        assertFalse(ApiDocument.matches("GET /api/v1/universe", "GET /api/v1/universes"));
    }

    @Test
    void readsTheRepositorysDocumentBySection() {
        assertTrue(ApiDocument.endpoints("Ingest").contains("POST /api/v1/events"));
        assertFalse(ApiDocument.endpoints("Ingest").contains("GET /api/v1/universe"));
        assertTrue(ApiDocument.endpoints("Report").contains("GET /api/v1/universe"));
    }

    @Test
    void failsOnAnEndpointServedButNotDocumentedAndOnOneDocumentedButNotServed() {
        Map<String, Map<String, Object>> served = Map.of("/api/v1/events", Map.of("post", Map.of()),
                "/api/v1/secret", Map.of("get", Map.of()));
        AssertionFailedError undocumented = assertThrows(AssertionFailedError.class,
                () -> ApiDocument.assertDocuments("Ingest", served));
        assertTrue(undocumented.getMessage().contains("GET /api/v1/secret"), undocumented.getMessage());

        AssertionFailedError notServed = assertThrows(AssertionFailedError.class,
                () -> ApiDocument.assertDocuments("Ingest", Map.of("/api/v1/events", Map.of("post", Map.of()))));
        assertTrue(notServed.getMessage().contains("PUT /api/v1/universes/{name}"), notServed.getMessage());
    }
}
