package io.saasreport.ingest.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.saasreport.ingest.domain.Figures;

/**
 * Money leaves as plain numbers (1000, never 1E+3): consumers in any language read it the same. Request bodies are
 * read within Jackson's own limits: a number longer than any figure ({@link Figures#MAX_LENGTH}) or nesting deeper
 * than any accepted document ({@link #MAX_NESTING_DEPTH}) is refused while parsing, before it costs anything.
 */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {

    /** An event is 2 levels deep, an SEC companyfacts document 7. */
    public static final int MAX_NESTING_DEPTH = 16;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(Figures.MAX_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
    }
}
