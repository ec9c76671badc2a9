package io.saasreport.report.record;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.CompanySources;
import io.saasreport.report.domain.Filing;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseStatistics;

/** Reads the published JSON values and tells whether two snapshots differ in a published figure. */
@ApplicationScoped
public class SnapshotJson {

    private static final String AS_OF = "asOf";
    private static final String SOURCES = "sources";

    private final ObjectMapper mapper;

    SnapshotJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CompanyMetrics company(String json) {
        return read(json, CompanyMetrics.class);
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

    public UniverseAlert alert(String json) {
        return read(json, UniverseAlert.class);
    }

    public Filing filing(String json) {
        return read(json, Filing.class);
    }

    /** Whether the two snapshots publish the same figures; {@code asOf} alone moving is no change. */
    public boolean sameFigures(Object snapshot, Object other) {
        return figures(snapshot).equals(figures(other));
    }

    private ObjectNode figures(Object snapshot) {
        ObjectNode tree = mapper.valueToTree(snapshot);
        tree.remove(AS_OF);
        return tree;
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(type.getSimpleName(), e);
        }
    }
}
