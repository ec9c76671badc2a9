package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.saasreport.report.record.Update;
import io.saasreport.report.record.Version;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.support.Api;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.ViewState;

/**
 * The event stream's bounds, over raw sockets (a client that never reads is what a slow one looks like to the server):
 * at most {@code report.stream.max-connections} streams, one more refused with 503 and Retry-After until a place is
 * freed, and a client whose send buffer does not drain dropped after {@code report.stream.stall-timeout}, letting go
 * of the view's state it was last sent.
 */
@QuarkusTest
@TestProfile(StreamBoundsTest.TwoStreams.class)
class StreamBoundsTest {

    /** Two streams at most; a client that takes nothing for 2 s is dropped. */
    public static class TwoStreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("report.stream.max-connections", "2",
                    "report.stream.stall-timeout", "PT2S",
                    "report.stream.interval", "PT0.05S");
        }
    }

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Inject
    ReportDatabase database;

    @Inject
    ReportView view;

    @Inject
    MeterRegistry registry;

    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void publishTheExample() {
        database.clear();
        Upstream.example();
    }

    @AfterEach
    void closeEverySocket() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        eventually(() -> assertEquals(0.0, registry.get("report.stream.connections").gauge().value()));
    }

    @Test
    void refusesAStreamBeyondTheCapWith503AndRetryAfterAndAdmitsOneOnceAPlaceIsFreed() throws IOException {
        Socket first = connect();
        assertTrue(head(first).startsWith("HTTP/1.1 200"));
        assertTrue(head(connect()).startsWith("HTTP/1.1 200"));

        String refused = head(connect());
        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.toLowerCase().contains("\r\nretry-after: 10\r\n"), refused);
        assertTrue(refused.toLowerCase().contains("\r\ncontent-type: application/problem+json"), refused);
        assertEquals(2.0, registry.get("report.stream.connections").gauge().value());

        first.close();
        Awaitility.await().atMost(Api.DELIVERY).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertTrue(head(connect()).startsWith("HTTP/1.1 200"), "a freed place takes a new stream"));
    }

    @Test
    void dropsAClientWhoseSendBufferDoesNotDrainAndLetsGoOfTheViewItWasSent() throws IOException {
        double droppedBefore = registry.get("report.stream.dropped").counter().count();
        Socket stuck = connect();
        assertTrue(head(stuck).startsWith("HTTP/1.1 200"));
        WeakReference<ViewState> sent = new WeakReference<>(view.current());

        // Large changes at every interval, until the stuck client's buffers are full and it stalls past the timeout.
        String longName = "N".repeat(4000);
        long round = 0;
        Instant deadline = Instant.now().plus(Api.DELIVERY);
        while (registry.get("report.stream.dropped").counter().count() == droppedBefore && Instant.now().isBefore(deadline)) {
            round++;
            List<Update<CompanyMetrics>> updates = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String ticker = "SLOW" + i;
                updates.add(new Update<>(ticker, new Version(round, Instant.EPOCH.plusSeconds(round)),
                        company(ticker, longName, round), null));
            }
            view.apply(updates, List.of(), List.of());
            sleep(Duration.ofMillis(50));
        }
        assertEquals(droppedBefore + 1, registry.get("report.stream.dropped").counter().count(), "the stuck client was dropped");

        eventually(() -> assertEquals(0.0, registry.get("report.stream.connections").gauge().value()));
        Awaitility.await().atMost(Api.DELIVERY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertNull(sent.get(), "the dropped stream holds no state of the view");
        });
        assertTrue(readsToTheEnd(stuck), "the server closed the stuck connection");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.setReceiveBufferSize(4096); // a slow reader: the server's writes fill it quickly
        socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
        socket.setSoTimeout((int) Api.DELIVERY.toMillis());
        socket.getOutputStream().write(("GET " + stream.getPath() + " HTTP/1.1\r\nHost: " + stream.getHost() + "\r\n"
                + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** The status line and headers of the answer, read byte by byte so that nothing after them is consumed. */
    private static String head(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** True once the stream ends (the server closed or reset the connection) rather than the read timing out. */
    private static boolean readsToTheEnd(Socket socket) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (socket.getInputStream().read(buffer) >= 0) {
                // what the server had sent before closing
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static CompanyMetrics company(String ticker, String name, double price) {
        return new CompanyMetrics(ticker, name, Instant.EPOCH, price, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
