package io.saasreport.ingest.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.saasreport.ingest.domain.Figures;

/**
 * Money leaves as plain numbers (1000, never 1E+3): consumers in any language read it the same. Request bodies are
 * read within Jackson's own limits, refused while parsing before they cost anything: a number longer than any figure
 * ({@link Figures#MAX_LENGTH}), nesting deeper than any accepted document ({@link #MAX_NESTING_DEPTH}), and more
 * tokens than a document of the largest body holds ({@link #BYTES_PER_TOKEN}): a body of a million empty objects would
 * otherwise become a million tree nodes.
 */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {

    /** An event is 2 levels deep, an SEC companyfacts document 7. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Real documents average more bytes a token than this: an SEC companyfacts file 17, an event about 8. */
    public static final int BYTES_PER_TOKEN = 6;

    private final IngestConfig config;

    public JacksonCustomizer(IngestConfig config) {
        this.config = config;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(Figures.MAX_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxTokenCount(config.maxBodyBytes() / BYTES_PER_TOKEN)
                .build());
    }
}
