package io.saasreport.report.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Multi;
import io.saasreport.contracts.Problem;
import io.saasreport.report.config.ReportConfig;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.view.CompanyEntry;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.ViewState;

/**
 * Pushes this instance's view as it changes. Each connection looks at the view every {@code report.stream.interval}
 * (20 ms by default) and sends what changed since it last looked, so a burst of updates reaches a browser as at most
 * one event of each kind per interval, and a slow client only ever skips intermediate states. The streams are bounded: at most
 * {@code report.stream.max-connections} at a time ({@link StreamConnections}), and a client that leaves its events
 * untaken for {@code report.stream.stall-timeout} (its send buffer does not drain) is disconnected, releasing the
 * state of the view it was last sent.
 */
@Path("/api/v1/stream")
@Tag(name = "Stream", description = "Changes pushed as server-sent events")
public class StreamResource {

    private final ReportView view;
    private final ReportConfig config;
    private final StreamConnections connections;

    StreamResource(ReportView view, ReportConfig config, StreamConnections connections) {
        this.view = view;
        this.config = config;
        this.connections = connections;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The universe and the companies as they change (server-sent events)",
            description = "Event 'universe': the current universe statistics (also sent on connecting). Event 'universes': "
                    + "the named universes whose statistics changed, as an object by name (all of them on connecting). "
                    + "Event 'universes-removed': an array of removed universes' names. Event 'alerts': an array of the "
                    + "alerts that arrived. Event 'companies': "
                    + "an array of the companies whose figures changed. Event 'removed': an array of tickers that left. "
                    + "Changes are conflated: at most one event of each kind per interval (20 ms by default).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "As many streams open as the instance allows; retry after the "
            + "seconds in Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        connections.open();
        AtomicReference<ViewState> seen = new AtomicReference<>();
        AtomicLong lastTaken = new AtomicLong(System.nanoTime());
        AtomicBoolean ended = new AtomicBoolean();
        long stallNanos = config.stream().stallTimeout().toNanos();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(config.stream().interval())
                // A tick finds the previous events not yet taken: the client is slow, or gone without closing.
                .onOverflow().invoke(() -> {
                    if (System.nanoTime() - lastTaken.get() > stallNanos) {
                        connections.droppedSlowClient();
                        throw new SlowClientException();
                    }
                }).drop()
                .concatMap(tick -> {
                    lastTaken.set(System.nanoTime());
                    ViewState now = view.current();
                    return Multi.createFrom().iterable(changes(sse, seen.getAndSet(now), now));
                })
                .onTermination().invoke(() -> {
                    seen.set(null);
                    if (ended.compareAndSet(false, true)) {
                        connections.closed();
                    }
                });
    }

    /** Ends the stream of a client that took no events for the stall timeout. */
    static final class SlowClientException extends RuntimeException {
        SlowClientException() {
            super("The client took no events for longer than report.stream.stall-timeout", null, false, false);
        }
    }

    private static List<OutboundSseEvent> changes(Sse sse, ViewState before, ViewState now) {
        List<OutboundSseEvent> events = new ArrayList<>();
        if (before == now) {
            return events;
        }
        if (now.universe().isPresent() && (before == null || before.universe().orElse(null) != now.universe().get())) {
            events.add(event(sse, "universe", now.universe().get().json().body()));
        }
        List<String> named = new ArrayList<>();
        now.universes().forEach((name, entry) -> {
            if (!UniverseSnapshot.KEY.equals(name) && (before == null || before.universes().get(name) != entry)) {
                named.add("\"" + name + "\":" + new String(entry.json().body(), StandardCharsets.UTF_8));
            }
        });
        if (!named.isEmpty()) {
            events.add(sse.newEventBuilder().name("universes").data("{" + String.join(",", named) + "}").build());
        }
        if (before == null) {
            return events;
        }
        if (now.alerts() != before.alerts()) {
            Set<String> seen = new HashSet<>();
            before.alerts().forEach(alert -> seen.add(alert.id()));
            List<UniverseAlert> arrived = now.alerts().stream().filter(alert -> !seen.contains(alert.id())).toList();
            if (!arrived.isEmpty()) {
                events.add(sse.newEventBuilder().name("alerts").mediaType(MediaType.APPLICATION_JSON_TYPE).data(arrived).build());
            }
        }
        List<String> removedUniverses = before.universes().keySet().stream()
                .filter(name -> !now.universes().containsKey(name)).toList();
        if (!removedUniverses.isEmpty()) {
            events.add(sse.newEventBuilder().name("universes-removed").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(removedUniverses).build());
        }
        List<CompanyEntry> changed = new ArrayList<>();
        for (Map.Entry<String, CompanyEntry> company : now.companies().entrySet()) {
            if (before.companies().get(company.getKey()) != company.getValue()) {
                changed.add(company.getValue());
            }
        }
        if (!changed.isEmpty()) {
            events.add(event(sse, "companies", ReportView.array(changed).body()));
        }
        List<String> removed = before.companies().keySet().stream().filter(ticker -> !now.companies().containsKey(ticker)).toList();
        if (!removed.isEmpty()) {
            events.add(sse.newEventBuilder().name("removed").mediaType(MediaType.APPLICATION_JSON_TYPE).data(removed).build());
        }
        return events;
    }

    private static OutboundSseEvent event(Sse sse, String name, byte[] json) {
        return sse.newEventBuilder().name(name).data(new String(json, StandardCharsets.UTF_8)).build();
    }
}
