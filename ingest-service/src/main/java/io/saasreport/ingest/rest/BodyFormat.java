package io.saasreport.ingest.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/** The body formats the endpoints read, by the media types that announce them. */
enum BodyFormat {
    JSON(List.of(MediaType.APPLICATION_JSON)),
    NDJSON(List.of(BodyFormat.NDJSON_TYPE)),
    CSV(List.of("text/csv", "application/csv", MediaType.TEXT_PLAIN));

    static final String NDJSON_TYPE = "application/x-ndjson";

    private final List<String> mediaTypes;

    BodyFormat(List<String> mediaTypes) {
        this.mediaTypes = mediaTypes;
    }

    List<String> mediaTypes() {
        return mediaTypes;
    }

    /**
     * The format of a {@code Content-Type} header among the accepted ones. A charset other than UTF-8 is not
     * accepted: JSON is UTF-8 by definition (RFC 8259) and the CSV sources publish UTF-8 or ASCII.
     */
    static Optional<BodyFormat> of(String contentType, List<BodyFormat> accepted) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return Optional.empty();
        }
        String essence = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        return accepted.stream().filter(format -> format.mediaTypes.contains(essence)).findFirst();
    }
}
