package io.saasreport.ingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.ingest.config.IngestConfig;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/**
 * Reads the body of a write endpoint within the size limit: the endpoints take the body as a stream, so nothing
 * is read before authentication has passed, and nothing larger than the limit is ever held in memory.
 */
@ApplicationScoped
class RequestBodies {

    private final IngestConfig config;
    private final ObjectMapper mapper;

    RequestBodies(IngestConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** A body within the limit, of an accepted content type, not blank. */
    record Body(BodyFormat format, byte[] bytes) {
    }

    /**
     * Checks the declared size and the content type before reading anything, then reads at most one byte more than
     * the limit. {@code typeTag} names the events the endpoint expects, for the rejection meter.
     */
    Body read(String contentType, String contentLength, InputStream body, List<BodyFormat> accepted, String typeTag) {
        long limit = config.maxBodyBytes();
        long declared = declaredLength(contentLength);
        if (declared > limit) {
            throw tooLarge("The body has " + declared + " bytes; the limit is " + limit, typeTag);
        }
        BodyFormat format = BodyFormat.of(contentType, accepted).orElseThrow(() -> RejectedRequestException.unreadable(
                RejectionReason.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType + "' is not accepted here; send "
                        + accepted.stream().flatMap(f -> f.mediaTypes().stream()).collect(Collectors.joining(" or ")),
                typeTag));
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
        if (bytes.length > limit) {
            // Chunked (no Content-Length): refused on the first byte over the limit, the rest is never read.
            throw tooLarge("The body has more than " + limit + " bytes; the limit is " + limit, typeTag);
        }
        if (isBlank(bytes)) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY, "The body is empty", typeTag);
        }
        return new Body(format, bytes);
    }

    /** A JSON document's body, read as {@link #read} does; not JSON (or not UTF-8) is a malformed body. */
    JsonNode json(String contentType, String contentLength, InputStream body, String typeTag) {
        Body read = read(contentType, contentLength, body, List.of(BodyFormat.JSON), typeTag);
        try {
            return mapper.readTree(utf8(read.bytes(), typeTag));
        } catch (IOException e) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED, "The body is not valid JSON", typeTag);
        }
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

    private static RejectedRequestException tooLarge(String size, String typeTag) {
        return RejectedRequestException.unreadable(RejectionReason.TOO_LARGE,
                size + " (ingest.max-body-bytes): split it into smaller requests", typeTag);
    }

    /** The Content-Length header's value, or -1 when absent (chunked) or not a number (then the read decides). */
    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
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
