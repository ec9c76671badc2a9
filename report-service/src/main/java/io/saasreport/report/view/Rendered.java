package io.saasreport.report.view;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An answer serialized once and served many times, with a strong ETag from its content: every instance holding the
 * same figures gives the same tag, so a poller behind a load balancer still gets its 304s.
 */
public record Rendered(byte[] body, String etag) {

    public static Rendered of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Rendered(body, '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** 304 when {@code ifNoneMatch} names this answer, else the answer; both tell caches to revalidate every time. */
    public Response respond(String ifNoneMatch, MediaType type) {
        Response.ResponseBuilder response = matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(body, type);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
