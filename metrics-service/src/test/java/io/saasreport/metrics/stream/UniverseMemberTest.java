package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.PriceEvent;
import io.saasreport.metrics.domain.universe.DailyMove;
import io.saasreport.metrics.domain.universe.Universes;

class UniverseMemberTest {

    private static final String TOPIC = "metrics-service-universe-companies-changelog";

    @Test
    void aMemberReadsBackAsStoredAndAsTheDomainsHeldCompany() {
        Revised<CompanyMetrics> figures = figures();
        byte[] compact = CompactFigures.write(figures);
        DailyMove move = new DailyMove(LocalDate.parse("2026-11-20"), 12.75, true);

        UniverseMember read = roundTrip(new UniverseMember(compact, move));

        assertArrayEquals(compact, read.figures());
        assertEquals(move, read.multipleToday());
        assertEquals(new Universes.HeldCompany(figures.value(), figures.revision(), move), read.held());
        assertEquals(null, roundTrip(new UniverseMember(compact, null)).multipleToday());
    }

    @Test
    void aMemberStoredWithThePublishedJsonBeforeReadsBack() {
        Revised<CompanyMetrics> figures = figures();
        DailyMove move = new DailyMove(LocalDate.parse("2026-11-18"), 7.25, false);
        byte[] json = StreamJson.writePublished(figures).getBytes(StandardCharsets.UTF_8);
        // Version 1: the same header as now, then the published JSON.
        byte[] stored = ByteBuffer.allocate(18 + json.length).put((byte) 1).putLong(move.day().toEpochDay())
                .putDouble(move.baseline()).put((byte) 0).put(json).array();

        UniverseMember read = UniverseMember.SERDE.deserializer().deserialize(TOPIC, stored);

        assertEquals(new Universes.HeldCompany(figures.value(), figures.revision(), move), read.held());
        assertArrayEquals(CompactFigures.write(figures), read.figures());
    }

    @Test
    void aHeldCompanyStoredAsJsonBeforeReadsBack() {
        Revised<CompanyMetrics> figures = figures();
        Universes.HeldCompany held = new Universes.HeldCompany(figures.value(), figures.revision(),
                new DailyMove(LocalDate.parse("2026-11-19"), 3.5, false));
        byte[] stored = JsonSerde.of(Universes.HeldCompany.class).serializer().serialize(TOPIC, held);

        assertEquals(held, UniverseMember.SERDE.deserializer().deserialize(TOPIC, stored).held());
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> UniverseMember.SERDE.deserializer().deserialize(TOPIC, new byte[] {7, 0, 0}));
    }

    private static UniverseMember roundTrip(UniverseMember member) {
        return UniverseMember.SERDE.deserializer().deserialize(TOPIC,
                UniverseMember.SERDE.serializer().serialize(TOPIC, member));
    }

    private static Revised<CompanyMetrics> figures() {
        RevisedCompany company = RevisedCompany.unknown("ACME");
        company.apply(new CompanyEvent("ACME", "Acme Software"));
        company.apply(new PriceEvent("ACME", 42.5, Instant.parse("2026-11-20T21:00:00Z")));
        Revised<io.saasreport.metrics.domain.company.CompanyFigures> current = company.current().orElseThrow();
        return new Revised<>(current.value().metrics(), current.revision());
    }
}
