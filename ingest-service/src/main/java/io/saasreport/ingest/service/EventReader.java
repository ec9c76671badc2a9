package io.saasreport.ingest.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.EventValidator;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.Position;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.domain.TimeWindow;

/**
 * Reads a request body (one JSON event, a JSON array of events, or NDJSON) into validated events,
 * all or nothing: every event is checked, and any defect refuses the whole body with the list of them.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    /** For one value inside a larger body: the caller checks what follows it, once, at the body's end. */
    private final ObjectReader valueReader;
    private final ImportLimits limits;

    public EventReader(ObjectMapper mapper, ImportLimits limits) {
        this.mapper = mapper;
        this.reader = strictTreeReader(mapper);
        this.valueReader = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.limits = limits;
    }

    /**
     * Numbers are kept exactly as written (BigDecimal, trailing zeros too); a repeated key or anything after
     * the JSON value makes the body malformed rather than silently taking one of the values.
     */
    public static ObjectReader strictTreeReader(ObjectMapper mapper) {
        return mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /**
     * {@code application/json}: one event object (index 0) or an array of them (by index). The array is read one
     * event at a time: one holding more than {@code ingest.max-events-per-request} is refused at the first too many.
     */
    public List<IngestEvent> readJson(byte[] body) {
        List<Located> events = new ArrayList<>();
        int index = 0;
        try (JsonParser parser = reader.createParser(body)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == JsonToken.START_ARRAY) {
                    for (; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                        if (index == limits.maxRows()) {
                            throw RejectedRequestException.tooMany(limits.maxRows(), "events",
                                    EventValidator.UNKNOWN_TYPE);
                        }
                        events.add(new Located(Position.index(index), valueReader.readTree(parser)));
                    }
                } else if (first == JsonToken.START_OBJECT) {
                    events.add(new Located(Position.index(0), valueReader.readTree(parser)));
                } else {
                    throw RejectedRequestException.unreadable(RejectionReason.MALFORMED,
                            "The body must be a JSON event object or an array of them", EventValidator.UNKNOWN_TYPE);
                }
                if (parser.nextToken() != null) {
                    throw RejectedRequestException.unreadable(RejectionReason.MALFORMED,
                            "The body holds more than one JSON value", EventValidator.UNKNOWN_TYPE);
                }
            } catch (IOException e) {
                throw new RejectedRequestException(RejectionReason.MALFORMED, "The body is not valid JSON: " + describe(e),
                        List.of(Position.index(index).error(fieldOf(e, parser), "not valid JSON: " + describe(e))),
                        Map.of(EventValidator.UNKNOWN_TYPE, 1), null);
            }
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
        if (events.isEmpty()) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY,
                    "The array holds no event", EventValidator.UNKNOWN_TYPE);
        }
        return validated(events, List.of());
    }

    /**
     * {@code application/x-ndjson}: one event object per line, numbered from 1; blank lines are skipped. More than
     * {@code ingest.max-events-per-request} lines are refused at the first too many.
     */
    public List<IngestEvent> readNdjson(byte[] body) {
        List<Located> events = new ArrayList<>();
        List<EventError> malformed = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            if (!isBlank(body, start, end)) {
                if (events.size() + malformed.size() == limits.maxRows()) {
                    throw RejectedRequestException.tooMany(limits.maxRows(), "event lines",
                            EventValidator.UNKNOWN_TYPE);
                }
                Position at = Position.line(lineNumber);
                try (JsonParser parser = reader.createParser(body, start, end - start)) {
                    try {
                        events.add(new Located(at, reader.readTree(parser)));
                    } catch (IOException e) {
                        malformed.add(at.error(fieldOf(e, parser), "not valid JSON: " + describe(e)));
                    }
                } catch (IOException closing) {
                    throw new UncheckedIOException(closing);
                }
            }
            start = end + 1;
        }
        if (events.isEmpty() && malformed.isEmpty()) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY,
                    "The body holds no event line", EventValidator.UNKNOWN_TYPE);
        }
        return validated(events, malformed);
    }

    /** Every event checked: its fields (EventValidator), then its times against the window of this moment. */
    private List<IngestEvent> validated(List<Located> events, List<EventError> malformed) {
        List<EventError> errors = new ArrayList<>(malformed);
        List<IngestEvent> valid = new ArrayList<>();
        TimeWindow window = limits.window();
        for (Located event : events) {
            List<EventError> eventErrors = EventValidator.validate(event.node(), event.position());
            if (eventErrors.isEmpty()) {
                IngestEvent read = toEvent(event.node());
                eventErrors = window.check(read, event.position());
                valid.add(read);
            }
            errors.addAll(eventErrors);
        }
        if (!errors.isEmpty()) {
            errors.sort(EventReader::byPosition);
            Map<String, Integer> rejected = events.stream().collect(Collectors.groupingBy(
                    event -> EventValidator.typeTag(event.node()), Collectors.summingInt(event -> 1)));
            if (!malformed.isEmpty()) {
                rejected.merge(EventValidator.UNKNOWN_TYPE, malformed.size(), Integer::sum);
                throw new RejectedRequestException(RejectionReason.MALFORMED,
                        malformed.size() + " line(s) are not valid JSON; nothing of this request was published",
                        errors, rejected, null);
            }
            throw RejectedRequestException.invalid(errors, rejected);
        }
        return valid;
    }

    private IngestEvent toEvent(JsonNode node) {
        try {
            return mapper.treeToValue(node, IngestEvent.class);
        } catch (JsonProcessingException e) {
            // The validator admits only what maps; reaching this is a bug between the two.
            throw new IllegalStateException("A validated event did not map: " + node, e);
        }
    }

    /**
     * One JSON document read whole with {@code reader} (an import's file); a fault refuses it as malformed, naming the
     * field when a read limit broke (a number too long).
     */
    public static JsonNode readDocument(ObjectReader reader, byte[] body, String typeTag) {
        try (JsonParser parser = reader.createParser(body)) {
            try {
                return reader.readTree(parser);
            } catch (IOException e) {
                String field = fieldOf(e, parser);
                throw new RejectedRequestException(RejectionReason.MALFORMED, "The body is not valid JSON: " + describe(e),
                        field == null ? List.of() : List.of(new EventError(null, null, field, describe(e))),
                        Map.of(typeTag, 1), null);
            }
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    /** Jackson's own message without the echo of the source, plus where it happened. */
    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation location = json.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return json.getOriginalMessage() + where;
        }
        return e.getMessage();
    }

    /** The field whose value broke one of Jackson's read limits (a number too long), or null for other faults. */
    private static String fieldOf(IOException e, JsonParser parser) {
        if (!(e instanceof StreamConstraintsException)) {
            return null;
        }
        try {
            return parser.currentName();
        } catch (IOException unknown) {
            return null;
        }
    }

    private static int byPosition(EventError a, EventError b) {
        return Integer.compare(a.index() != null ? a.index() : a.line(), b.index() != null ? b.index() : b.line());
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private record Located(Position position, JsonNode node) {
    }
}
