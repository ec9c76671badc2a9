package io.saasreport.report.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** For tests and benchmarks without Quarkus: the ObjectMapper as Quarkus configures it by default (the service sets no quarkus.jackson.*). */
public final class QuarkusObjectMapper {

    private QuarkusObjectMapper() {
    }

    public static ObjectMapper create() {
        return JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
