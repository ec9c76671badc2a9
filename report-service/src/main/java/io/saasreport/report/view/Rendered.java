package io.saasreport.report.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An answer serialized once and served many times, with a strong ETag from its content: every instance holding the
 * same figures gives the same tag, so a poller behind a load balancer still gets its 304s. A large answer is also
 * gzipped once, on first request, for the clients that accept it (the whole comps table shrinks about sevenfold).
 */
public final class Rendered {

    private static final int GZIP_FROM_BYTES = 16 * 1024;

    private final byte[] body;
    private final String etag;
    private final String gzipEtag;
    private volatile byte[] gzipped;

    private Rendered(byte[] body, String tag) {
        this.body = body;
        this.etag = '"' + tag + '"';
        this.gzipEtag = '"' + tag + "-gz\""; // another representation, another strong validator
    }

    public static Rendered of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Rendered(body, Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public byte[] body() {
        return body;
    }

    public String etag() {
        return etag;
    }

    /** 304 when {@code ifNoneMatch} names this answer, else the answer; both tell caches to revalidate every time. */
    public Response respond(String ifNoneMatch, MediaType type) {
        return respond(ifNoneMatch, null, type);
    }

    /** The same, gzipped when the answer is large and {@code acceptEncoding} allows it. */
    public Response respond(String ifNoneMatch, String acceptEncoding, MediaType type) {
        boolean gzip = body.length >= GZIP_FROM_BYTES && acceptsGzip(acceptEncoding);
        Response.ResponseBuilder response;
        if (matches(ifNoneMatch)) {
            response = Response.notModified();
        } else if (gzip) {
            response = Response.ok(gzipped(), type).header(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else {
            response = Response.ok(body, type);
        }
        return response.header(HttpHeaders.ETAG, gzip ? gzipEtag : etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }

    private byte[] gzipped() {
        byte[] compressed = gzipped;
        if (compressed == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                {
                    def.setLevel(Deflater.BEST_SPEED); // once per change, while pollers wait
                }
            }) {
                gzip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            compressed = out.toByteArray();
            gzipped = compressed;
        }
        return compressed;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals(gzipEtag)) {
                return true;
            }
        }
        return false;
    }
}
