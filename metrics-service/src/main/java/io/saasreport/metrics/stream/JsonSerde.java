package io.saasreport.metrics.stream;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;

/** State-store values as JSON: readable in the changelog topics, and the domain's records need no other mapping. */
final class JsonSerde<T> implements Serde<T> {

    private final JavaType type;

    JsonSerde(JavaType type) {
        this.type = type;
    }

    static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(StreamJson.MAPPER.constructType(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return StreamJson.MAPPER.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write " + type + " to " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return StreamJson.MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + type + " from " + topic, e);
            }
        };
    }
}
