package io.saasreport.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * Limits come before work: each request here sends its headers and at most part of its body, then reads the
 * answer. Getting one while the body is unfinished proves the service decided without reading (or buffering)
 * the rest; a service that waited for the whole body would never answer.
 */
@QuarkusTest
class RequestLimitsTest {

    /** {@code %test.ingest.max-body-bytes}. */
    private static final int LIMIT = 3 * 1024 * 1024;

    @TestHTTPResource
    URL base;

    @Test
    void refusesAnUnauthenticatedRequestBeforeReadingItsBody() throws Exception {
        for (String path : List.of("/api/v1/events", "/api/v1/import/prices?ticker=DDOG", "/api/v1/import/fred-dgs10")) {
            try (RawHttp http = new RawHttp(base)) {
                RawHttp.Answer answer = http.head(path, "Content-Type: application/json", "Content-Length: 1000000")
                        .answer();
                assertEquals(401, answer.status(), answer::headers);
                assertTrue(answer.body().contains("\"reason\":\"unauthorized\""), answer.body());
            }
        }
    }

    @Test
    void refusesAWrongKeyBeforeReadingTheBody() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            RawHttp.Answer answer = http.head("/api/v1/events", "Authorization: Bearer not-the-key",
                    "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked")
                    .chunk("{\"type\":\"company\"".getBytes(StandardCharsets.UTF_8))
                    .answer();
            assertEquals(401, answer.status(), answer::headers);
            assertTrue(answer.body().contains("The bearer API key is not valid"), answer.body());
        }
    }

    @Test
    void refusesADeclaredOversizeBodyWithoutReadingIt() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            RawHttp.Answer answer = http.head("/api/v1/events", "Authorization: Bearer " + Requests.API_KEY,
                    "Content-Type: application/x-ndjson", "Content-Length: " + (LIMIT + 1))
                    .answer();
            assertEquals(413, answer.status(), answer::headers);
            assertTrue(answer.body().contains("\"reason\":\"too_large\""), answer.body());
            assertTrue(answer.body().contains("The body has " + (LIMIT + 1) + " bytes; the limit is " + LIMIT), answer.body());
        }
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimitWithoutWaitingForTheRest() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        byte[] line = "{\"type\":\"company\",\"ticker\":\"BIG\",\"name\":\"Big Inc.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = repeat(line, 64 * 1024 / line.length);
        try (RawHttp http = new RawHttp(base)) {
            http.head("/api/v1/events", "Authorization: Bearer " + Requests.API_KEY,
                    "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked");
            for (int sent = 0; sent <= LIMIT; sent += chunk.length) {
                http.chunk(chunk);
            }
            // The body is over the limit and unfinished (no last chunk): the answer comes anyway.
            RawHttp.Answer answer = http.answer();
            assertEquals(413, answer.status(), answer::headers);
            assertTrue(answer.body().contains("\"reason\":\"too_large\""), answer.body());
            assertTrue(answer.body().contains("The body has more than " + LIMIT + " bytes"), answer.body());
        }
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        byte[] body = "{\"type\":\"company\",\"ticker\":\"CHNK\",\"name\":\"Chunked Inc.\"}\n".getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(base)) {
            http.head("/api/v1/events", "Authorization: Bearer " + Requests.API_KEY,
                    "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked")
                    .chunk(Arrays.copyOfRange(body, 0, 10))
                    .chunk(Arrays.copyOfRange(body, 10, body.length))
                    .chunk(new byte[0]);
            RawHttp.Answer answer = http.answer();
            assertEquals(202, answer.status(), answer::body);
            assertTrue(answer.body().contains("\"accepted\":1"), answer.body());
        }
    }

    private static byte[] repeat(byte[] line, int times) {
        byte[] out = new byte[line.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(line, 0, out, i * line.length, line.length);
        }
        return out;
    }
}
