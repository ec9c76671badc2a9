package io.saasreport.report.record;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * Reads a published value (a company's figures, a universe's statistics) in one streaming pass instead of building a
 * tree: the fields are buffered as tokens (each number parsed once into what the tree holds; doubles by Jackson's fast
 * parser, which gives the JDK's doubles without its garbage per number), the top-level {@code revision} is taken on
 * the way, and a company's {@code sources} are skipped (only an explanation reads them). The buffer is then bound to
 * the record type.
 *
 * <p>It reads only the usual shape: an object without a repeated name (outside a company's {@code sources}, which are
 * skipped unchecked: the tree would keep the last of a repeated name there, and nothing in them is bound) whose
 * revision is absent, null or an integer token within a long. Anything else (and every error) gives null, and the
 * caller decodes the value from its tree as before, so an unusual value (a revision of {@code 5.0}) and a dead
 * letter's reason stay exactly what they were.
 */
final class OnePassReader {

    static final String REVISION = "revision";
    private static final String SOURCES = "sources";

    /** Room for a company's names (about 35) without growing. */
    private static final int NAMES = 64;

    private final ObjectMapper mapper;
    private final ObjectReader parsers;

    OnePassReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.parsers = mapper.reader().with(StreamReadFeature.USE_FAST_DOUBLE_PARSER);
    }

    /**
     * One value read: the bound record and its revision (null when it has none, or when the one it has is not an
     * integer: {@code notAnInteger}).
     */
    record Read<T>(T value, Long revision, String notAnInteger) {

        /** How new the value is; a revision that is not an integer makes the value unreadable. */
        Version version(Instant asOf) {
            if (notAnInteger != null) {
                throw new IllegalArgumentException("revision is not an integer: " + notAnInteger);
            }
            return new Version(revision, asOf);
        }
    }

    /**
     * The value of {@code json} as a {@code type}, or null when it is not of the usual shape or not readable.
     * {@code company} skips the sources.
     */
    <T> Read<T> read(String json, Class<T> type, boolean company) {
        try (JsonParser parser = parsers.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            TokenBuffer fields = new TokenBuffer(mapper, false);
            fields.writeStartObject();
            Set<String> names = new HashSet<>(NAMES);
            Long revision = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!names.add(name)) {
                    return null;
                }
                JsonToken value = parser.nextToken();
                if (company && name.equals(SOURCES)) {
                    parser.skipChildren(); // still tokenized: a syntax error in the sources is found
                    continue;
                }
                if (name.equals(REVISION) && value != JsonToken.VALUE_NULL) {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return null;
                    }
                    revision = parser.getLongValue();
                }
                fields.writeFieldName(name);
                copyValue(parser, fields);
            }
            fields.writeEndObject();
            T bound = mapper.readValue(fields.asParser(), type); // as the tree is bound
            return new Read<>(bound, revision, null);
        } catch (IOException | RuntimeException e) {
            return null; // the tree decoding decides, and says why
        }
    }

    /**
     * Copies the parser's current value (a scalar, or an object or array to its end) as the tree would hold it. A
     * repeated name in an object is refused (the tree would collapse it); the names are collected everywhere but in
     * the skipped sources. A loop with a stack of the open objects' names, not recursion: the parser's depth limit
     * (StreamReadConstraints, 1,000 by default) is all that bounds a value's depth.
     */
    private static void copyValue(JsonParser parser, TokenBuffer to) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            copyScalar(parser, to); // most of a company's fields: no stack for them
            return;
        }
        Deque<Set<String>> open = new ArrayDeque<>(); // the names of each open object; an empty set for an array
        do {
            switch (parser.currentToken()) {
                case START_OBJECT -> {
                    to.writeStartObject();
                    open.push(new HashSet<>());
                }
                case START_ARRAY -> {
                    to.writeStartArray();
                    open.push(Set.of());
                }
                case END_OBJECT -> {
                    to.writeEndObject();
                    open.pop();
                }
                case END_ARRAY -> {
                    to.writeEndArray();
                    open.pop();
                }
                case FIELD_NAME -> {
                    String name = parser.currentName();
                    if (!open.peek().add(name)) {
                        throw new IOException("A repeated name: " + name);
                    }
                    to.writeFieldName(name);
                }
                default -> copyScalar(parser, to);
            }
        } while (!open.isEmpty() && parser.nextToken() != null);
    }

    private static void copyScalar(JsonParser parser, TokenBuffer to) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_STRING -> to.writeString(parser.getText());
            case VALUE_NUMBER_INT -> {
                switch (parser.getNumberType()) {
                    case INT -> to.writeNumber(parser.getIntValue());
                    case LONG -> to.writeNumber(parser.getLongValue());
                    default -> to.writeNumber(parser.getBigIntegerValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> to.writeNumber(parser.getDoubleValue()); // a DoubleNode in the tree
            case VALUE_TRUE, VALUE_FALSE -> to.writeBoolean(parser.getBooleanValue());
            case VALUE_NULL -> to.writeNull();
            default -> throw new IOException("Unexpected token " + parser.currentToken());
        }
    }
}
