package io.saasreport.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the public sources the feeds read (SEC EDGAR, a price CSV source, FRED): a JDK HTTP server on a
 * free local port that serves recorded documents byte for byte at the paths the real sources use, with an
 * {@code ETag} (answering {@code 304} to a matching {@code If-None-Match}), can be told to fail the next requests of a
 * path (with {@code Retry-After}), and records every request as it arrives, so that tests can count what was asked,
 * when, and how many requests arrived in any one second.
 */
public final class RecordedSources implements AutoCloseable {

    /** One request as the server saw it: path with query, arrival (System.nanoTime), headers asked, status answered. */
    public record Request(String target, long arrivedNanos, String userAgent, String ifNoneMatch, int status) {
    }

    private record Failure(int status, int remaining, String retryAfter) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private RecordedSources(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of the loopback interface. */
    public static RecordedSources start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            RecordedSources sources = new RecordedSources(server);
            server.createContext("/", sources::answer);
            server.setExecutor(sources.threads);
            server.start();
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, no trailing slash. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Serves {@code body} at {@code target} (path, and query if any: {@code /q/d/l/?s=ddog.us&i=d}) from now on. */
    public RecordedSources serve(String target, byte[] body) {
        documents.put(target, body.clone());
        return this;
    }

    /** Serves a classpath resource byte for byte. */
    public RecordedSources serveResource(String target, String resource) {
        return serve(target, resource(resource));
    }

    /** The next {@code times} requests of {@code target} get {@code status} (and Retry-After, when not null). */
    public RecordedSources failNext(String target, int status, int times, String retryAfter) {
        failures.put(target, new Failure(status, times, retryAfter));
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String target) {
        return requests().stream().filter(request -> request.target().equals(target)).toList();
    }

    /**
     * The most requests whose target starts with {@code prefix} that arrived within any one second (a sliding window
     * over the arrival times: for each request, those that arrived less than a second after it).
     */
    public int maxRequestsInAnySecond(String prefix) {
        long[] arrivals = requests().stream().filter(request -> request.target().startsWith(prefix))
                .mapToLong(Request::arrivedNanos).sorted().toArray();
        int most = 0;
        int first = 0;
        for (int last = 0; last < arrivals.length; last++) {
            while (arrivals[last] - arrivals[first] >= 1_000_000_000L) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private void answer(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() != null ? "?" + exchange.getRequestURI().getRawQuery() : "");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        int status;
        byte[] body = new byte[0];
        Failure failure = takeFailure(target);
        byte[] document = documents.get(target);
        if (failure != null) {
            status = failure.status();
            if (failure.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
            }
        } else if (document == null) {
            status = 404;
        } else {
            String etag = etag(document);
            exchange.getResponseHeaders().add("ETag", etag);
            status = etag.equals(ifNoneMatch) ? 304 : 200;
            body = status == 200 ? document : body;
        }
        synchronized (this) {
            requests.add(new Request(target, arrived, exchange.getRequestHeaders().getFirst("User-Agent"), ifNoneMatch, status));
        }
        exchange.sendResponseHeaders(status, status == 304 || body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private synchronized Failure takeFailure(String target) {
        Failure failure = failures.get(target);
        if (failure == null) {
            return null;
        }
        if (failure.remaining() <= 1) {
            failures.remove(target);
        } else {
            failures.put(target, new Failure(failure.status(), failure.remaining() - 1, failure.retryAfter()));
        }
        return failure;
    }

    private static String etag(byte[] document) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document), 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A classpath resource's bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = RecordedSources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classpath resource as UTF-8 text. */
    public static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
