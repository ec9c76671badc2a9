package io.saasreport.report.record;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.CompanySources;
import io.saasreport.report.domain.Filing;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseStatistics;

/** Reads the published JSON values. */
@ApplicationScoped
public class SnapshotJson {

    private static final String SOURCES = "sources";

    private final ObjectMapper mapper;

    SnapshotJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CompanyMetrics company(String json) {
        return read(json, CompanyMetrics.class);
    }

    /** A company's stored figures (UTF-8) written as the REST layer writes them (a history point stored before V10). */
    public byte[] companyAsServed(byte[] json) {
        try {
            return mapper.writeValueAsBytes(read(json, CompanyMetrics.class));
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(CompanyMetrics.class.getSimpleName(), e);
        }
    }

    /** The {@code sources} published beside a company's figures; null in values published before they existed. */
    public CompanySources sources(String companyJson) {
        try {
            JsonNode sources = mapper.readTree(companyJson).get(SOURCES);
            return sources == null || sources.isNull() ? null : mapper.treeToValue(sources, CompanySources.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(CompanySources.class.getSimpleName(), e);
        }
    }

    public UniverseStatistics universe(String json) {
        return read(json, UniverseStatistics.class);
    }

    /** A universe's statistics from their stored JSON, UTF-8. */
    public UniverseStatistics universe(byte[] json) {
        return read(json, UniverseStatistics.class);
    }

    public UniverseAlert alert(String json) {
        return read(json, UniverseAlert.class);
    }

    public Filing filing(String json) {
        return read(json, Filing.class);
    }

    private <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(type.getSimpleName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from an array in memory
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(type.getSimpleName(), e);
        }
    }
}
