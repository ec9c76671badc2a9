package io.saasreport.ingest.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.saasreport.ingest.domain.EventError;
import io.saasreport.ingest.domain.EventValidator;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.Position;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/**
 * Reads a request body (one JSON event, a JSON array of events, or NDJSON) into validated events,
 * all or nothing: every event is checked, and any defect refuses the whole body with the list of them.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;
    private final ObjectReader reader;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = strictTreeReader(mapper);
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

    /** {@code application/json}: one event object (index 0) or an array of them (by index). */
    public List<IngestEvent> readJson(byte[] body) {
        JsonNode root = parse(body);
        List<Located> events = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                events.add(new Located(Position.index(i), root.get(i)));
            }
        } else if (root.isObject()) {
            events.add(new Located(Position.index(0), root));
        } else {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED,
                    "The body must be a JSON event object or an array of them", EventValidator.UNKNOWN_TYPE);
        }
        if (events.isEmpty()) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY,
                    "The array holds no event", EventValidator.UNKNOWN_TYPE);
        }
        return validated(events, List.of());
    }

    /** {@code application/x-ndjson}: one event object per line, numbered from 1; blank lines are skipped. */
    public List<IngestEvent> readNdjson(byte[] body) {
        List<Located> events = new ArrayList<>();
        List<EventError> malformed = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            byte[] line = Arrays.copyOfRange(body, start, end);
            if (!isBlank(line)) {
                Position at = Position.line(lineNumber);
                try {
                    events.add(new Located(at, reader.readTree(line)));
                } catch (IOException e) {
                    malformed.add(EventError.at(at, null, "not valid JSON: " + describe(e)));
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

    private List<IngestEvent> validated(List<Located> events, List<EventError> malformed) {
        List<EventError> errors = new ArrayList<>(malformed);
        for (Located event : events) {
            errors.addAll(EventValidator.validate(event.node(), event.position()));
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
        return events.stream().map(event -> toEvent(event.node())).toList();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = reader.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw RejectedRequestException.unreadable(RejectionReason.EMPTY, "The body is empty",
                        EventValidator.UNKNOWN_TYPE);
            }
            return root;
        } catch (IOException e) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED,
                    "The body is not valid JSON: " + describe(e), EventValidator.UNKNOWN_TYPE);
        }
    }

    private IngestEvent toEvent(JsonNode node) {
        try {
            return mapper.treeToValue(node, IngestEvent.class);
        } catch (JsonProcessingException e) {
            // The validator admits only what maps; reaching this is a bug between the two.
            throw new IllegalStateException("A validated event did not map: " + node, e);
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

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private record Located(Position position, JsonNode node) {
    }
}
