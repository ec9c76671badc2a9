package io.saasreport.metrics.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.Revised;

/**
 * The JSON of the topology's records and stores: ISO-8601 instants, unknown properties ignored (as the other
 * services read it). Its own mapper, so the topology runs the same in Quarkus and in TopologyTestDriver.
 */
public final class StreamJson {

    // Schubfach and FastDoubleParser for the many doubles of every figures record: the same values, faster once the
    // JIT has compiled them (before that, slower than the JDK's own: docs/performance.md).
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build())
            .registerModule(new JavaTimeModule())
            // After the JavaTimeModule, so that this one reads instants (and hands it what is not plain UTC).
            .registerModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** How {@link #writePublished} appends the revision. */
    private static final String REVISION_FIELD = ",\"revision\":";

    private StreamJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Published figures: the figures' own fields and, beside them, the top-level integer {@code revision}. */
    public static String writePublished(Revised<?> figures) {
        // One pass over the figures (once per changed company and commit, and per universe publication): their
        // JSON object with the revision appended as its last field, as a tree with the field put last would write it.
        return withRevision(openObject(write(figures.value())), figures.revision());
    }

    /**
     * A company's figures with their sources for {@code metrics.company}, in UTF-8: the text {@link #writePublished}
     * writes for {@link CompanyFigures} (the figures' fields unwrapped, then {@code sources}, then the revision),
     * written without data binding ({@link PublishedCompanyJson}).
     */
    public static byte[] writePublishedCompany(Revised<CompanyFigures> company) {
        return PublishedCompanyJson.write(company);
    }

    /** A JSON object's text without its closing brace, for fields to be appended. */
    private static String openObject(String json) {
        return json.substring(0, json.lastIndexOf('}'));
    }

    /** An open object closed with the revision as its last field. */
    private static String withRevision(String openObject, long revision) {
        return openObject + REVISION_FIELD + revision + "}";
    }

    /**
     * The inverse of {@link #writePublished}: the figures and their revision, which it wrote as the object's last
     * field. One pass: the figures are bound straight from the text (the revision is no property of theirs and
     * is skipped as unknown), the revision read from the end.
     */
    static <T> Revised<T> readPublished(String json, Class<T> type) {
        int field = json.lastIndexOf(REVISION_FIELD);
        int end = json.lastIndexOf('}');
        if (field < 0 || end < field) {
            throw new IllegalArgumentException("published " + type.getSimpleName() + " without a final revision");
        }
        long revision = Long.parseLong(json.substring(field + REVISION_FIELD.length(), end).trim());
        try {
            return new Revised<>(MAPPER.readValue(json, type), revision);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read published " + type.getSimpleName() + " from JSON", e);
        }
    }

    static <T> T read(String json, JavaType type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type + " from JSON", e);
        }
    }
}
