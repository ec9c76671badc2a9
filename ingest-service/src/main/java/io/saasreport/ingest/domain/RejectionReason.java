package io.saasreport.ingest.domain;

/** Why a request was refused as a whole; {@link #tag()} is the {@code reason} of the problem body and the meter tag. */
public enum RejectionReason {
    VALIDATION("validation", "Invalid events"),
    MALFORMED("malformed", "Malformed body"),
    EMPTY("empty", "Empty body"),
    TOO_LARGE("too_large", "Body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Unsupported content type"),
    UNAUTHORIZED("unauthorized", "Unauthorized"),
    KAFKA_UNAVAILABLE("kafka_unavailable", "Kafka unavailable"),
    UNKNOWN_FEED("unknown_feed", "Unknown feed"),
    FEED_UNAVAILABLE("feed_unavailable", "Feed cannot run now");

    private final String tag;
    private final String title;

    RejectionReason(String tag, String title) {
        this.tag = tag;
        this.title = title;
    }

    public String tag() {
        return tag;
    }

    public String title() {
        return title;
    }

    /** The kind in the problem's {@code type} URI: the tag with hyphens, as in {@code urn:saasreport:problem:too-large}. */
    public String problemKind() {
        return tag.replace('_', '-');
    }
}
