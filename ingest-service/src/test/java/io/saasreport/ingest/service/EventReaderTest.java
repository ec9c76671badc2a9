package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.saasreport.ingest.config.IngestConfig;
import io.saasreport.ingest.config.JacksonCustomizer;
import io.saasreport.ingest.domain.CompanyEvent;
import io.saasreport.ingest.domain.EventError;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.FilingEvent;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.PriceEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.testsupport.ConfigMappings;

class EventReaderTest {

    /** The settings' defaults. */
    static final IngestConfig CONFIG = ConfigMappings.read(IngestConfig.class, Map.of());

    /** Configured as Quarkus configures its own (JavaTimeModule, ISO dates) plus JacksonCustomizer. */
    static final ObjectMapper MAPPER = customized(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build());

    private final EventReader reader = new EventReader(MAPPER, CONFIG, new TimeWindows(CONFIG));

    private static ObjectMapper customized(ObjectMapper mapper) {
        new JacksonCustomizer(CONFIG).customize(mapper);
        return mapper;
    }

    @Test
    void readsOneObjectAsOneEvent() {
        List<IngestEvent> events = reader.readJson(bytes("""
                {"type":"price","ticker":"SNOW","price":151.20,"at":"2024-03-01T21:00:00Z"}"""));
        assertEquals(List.of(new PriceEvent("SNOW", new BigDecimal("151.20"), Instant.parse("2024-03-01T21:00:00Z"))), events);
    }

    @Test
    void readsAnArrayInOrder() {
        List<IngestEvent> events = reader.readJson(bytes("""
                [{"type":"company","ticker":"SNOW","name":"Snowflake Inc."},
                 {"type":"macro","asOf":"2024-03-01T21:00:00Z","tenYearYield":4.25}]"""));
        assertEquals(List.of(EventType.COMPANY, EventType.MACRO), events.stream().map(IngestEvent::eventType).toList());
    }

    @Test
    void readsNdjsonSkippingBlankLines() {
        List<IngestEvent> events = reader.readNdjson(bytes("""
                {"type":"company","ticker":"SNOW","name":"Snowflake Inc."}

                {"type":"company","ticker":"DDOG","name":"Datadog, Inc."}\r
                """));
        assertEquals(List.of(new CompanyEvent("SNOW", "Snowflake Inc."), new CompanyEvent("DDOG", "Datadog, Inc.")), events);
    }

    @Test
    void normalizesOffsetInstantsToUtc() throws Exception {
        IngestEvent event = reader.readJson(bytes("""
                {"type":"price","ticker":"SNOW","price":1,"at":"2024-03-01T16:00:00-05:00"}""")).get(0);
        assertEquals(Instant.parse("2024-03-01T21:00:00Z"), ((PriceEvent) event).at());
        assertEquals("{\"type\":\"price\",\"ticker\":\"SNOW\",\"price\":1,\"at\":\"2024-03-01T21:00:00Z\"}",
                MAPPER.writeValueAsString(event));
    }

    @Test
    void writesTheSpecJsonWithTypeFirstAndAbsentFieldsLeftOut() throws Exception {
        FilingEvent filing = (FilingEvent) reader.readJson(bytes("""
                {"type":"filing","ticker":"SNOW","fiscalYear":2025,"fiscalQuarter":4,"periodEnd":"2025-01-31",
                 "filedAt":"2025-03-21T21:05:00Z","revenue":986770000,"debt":1E+3}""")).get(0);
        assertEquals(LocalDate.parse("2025-01-31"), filing.periodEnd());
        assertEquals("{\"type\":\"filing\",\"ticker\":\"SNOW\",\"fiscalYear\":2025,\"fiscalQuarter\":4,"
                + "\"periodEnd\":\"2025-01-31\",\"filedAt\":\"2025-03-21T21:05:00Z\",\"revenue\":986770000,\"debt\":1000}",
                MAPPER.writeValueAsString(filing));
    }

    @Test
    void rejectsTheWholeArrayNamingEachBadIndex() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class, () -> reader.readJson(bytes("""
                [{"type":"price","ticker":"SNOW","price":1,"at":"2024-03-01T21:00:00Z"},
                 {"type":"price","ticker":"SNOW","price":0,"at":"2024-03-01T21:00:00Z"},
                 {"type":"company","ticker":"SNOW","name":"Snowflake Inc."},
                 {"type":"filing","ticker":"SNOW"}]""")));
        assertEquals(RejectionReason.VALIDATION, rejection.reason());
        assertEquals(new EventError(1, null, "price", "must be > 0"), rejection.errors().get(0));
        assertTrue(rejection.errors().stream().skip(1).allMatch(error -> error.index() == 3));
        assertEquals(Map.of("price", 2, "company", 1, "filing", 1), rejection.rejectedByType());
    }

    @Test
    void rejectsNdjsonNamingTheLine() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class, () -> reader.readNdjson(bytes("""
                {"type":"company","ticker":"SNOW","name":"Snowflake Inc."}
                {"type":"company","ticker":"SNOW","name":"Snowflake Inc."}
                {"type":"company","ticker":"snow","name":"Snowflake Inc."}
                """)));
        assertEquals(List.of(new EventError(null, 3, "ticker", "must match ^[A-Z][A-Z0-9.\\-]{0,9}$")), rejection.errors());
    }

    @Test
    void rejectsNdjsonWithAMalformedLineAsMalformed() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class, () -> reader.readNdjson(bytes("""
                {"type":"company","ticker":"SNOW","name":"Snowflake Inc."}
                {"type":"company","ticker":"SNOW",
                """)));
        assertEquals(RejectionReason.MALFORMED, rejection.reason());
        assertEquals(2, rejection.errors().get(0).line());
        assertTrue(rejection.errors().get(0).message().startsWith("not valid JSON"));
    }

    @Test
    void rejectsMalformedJsonNamingWhere() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class,
                () -> reader.readJson(bytes("[{\"type\":\"price\",\n\"ticker\":}]")));
        assertEquals(RejectionReason.MALFORMED, rejection.reason());
        assertTrue(rejection.getMessage().contains("line 2"), rejection.getMessage());
    }

    @Test
    void rejectsDuplicateKeysAsMalformed() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class, () -> reader.readJson(bytes("""
                {"type":"price","ticker":"SNOW","price":1,"price":2,"at":"2024-03-01T21:00:00Z"}""")));
        assertEquals(RejectionReason.MALFORMED, rejection.reason());
        assertTrue(rejection.getMessage().contains("Duplicate field 'price'"), rejection.getMessage());
    }

    @Test
    void rejectsTrailingContentAfterTheJsonValue() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class, () -> reader.readJson(bytes("""
                {"type":"company","ticker":"SNOW","name":"Snowflake Inc."} {"type":"company"}""")));
        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    @Test
    void rejectsAnEmptyArray() {
        assertEquals(RejectionReason.EMPTY,
                assertThrows(RejectedRequestException.class, () -> reader.readJson(bytes("[]"))).reason());
    }

    @Test
    void rejectsAScalarBody() {
        assertEquals(RejectionReason.MALFORMED,
                assertThrows(RejectedRequestException.class, () -> reader.readJson(bytes("\"hello\""))).reason());
    }

    @Test
    void acceptsEveryEventOfTheSpecsWorkedExample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/example/events.ndjson")) {
            List<IngestEvent> events = reader.readNdjson(in.readAllBytes());
            assertEquals(262, events.size());
            assertEquals(5, events.stream().map(IngestEvent::eventType).distinct().count());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
