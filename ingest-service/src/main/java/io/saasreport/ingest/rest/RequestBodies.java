package io.saasreport.ingest.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.ingest.config.IngestConfig;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/** The checks every write endpoint makes on its body before reading it: size, content type, emptiness. */
@ApplicationScoped
class RequestBodies {

    private final IngestConfig config;

    RequestBodies(IngestConfig config) {
        this.config = config;
    }

    /**
     * The body's format, once the body is known to be within the size limit, of an accepted content type and
     * not empty. {@code typeTag} names the events the endpoint expects, for the rejection meter.
     */
    BodyFormat check(String contentType, byte[] body, List<BodyFormat> accepted, String typeTag) {
        if (body.length > config.maxBodyBytes()) {
            throw RejectedRequestException.unreadable(RejectionReason.TOO_LARGE, "The body has " + body.length
                    + " bytes; the limit is " + config.maxBodyBytes() + " (ingest.max-body-bytes): split it into smaller requests",
                    typeTag);
        }
        BodyFormat format = BodyFormat.of(contentType, accepted).orElseThrow(() -> RejectedRequestException.unreadable(
                RejectionReason.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType + "' is not accepted here; send "
                        + accepted.stream().flatMap(f -> f.mediaTypes().stream()).collect(Collectors.joining(" or ")),
                typeTag));
        if (isBlank(body)) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY, "The body is empty", typeTag);
        }
        return format;
    }

    /** The body as text; bytes that are not UTF-8 make it malformed rather than turning into '?'. */
    static String utf8(byte[] body, String typeTag) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED, "The body is not UTF-8 text", typeTag);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
