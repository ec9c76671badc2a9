package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.PricePoint;

class PriceBatchTest {

    private static final String TOPIC = "metrics-service-company-prices-changelog";
    private static final Instant KEY_TIME = Instant.parse("2026-11-20T21:00:00Z");

    @Test
    void pricesWithAndWithoutIdsReadBackInTheirOrder() {
        List<PricePoint> prices = List.of(
                new PricePoint(Instant.parse("2026-11-20T20:59:59.123456789Z"), 123.45, "7f1c2a9e-0b4d-4c4e-9a51-3e0c6f0d8b21"),
                new PricePoint(Instant.parse("2026-11-18T10:00:00Z"), 0.5, null),
                new PricePoint(KEY_TIME, 99.0, "é-unicode"));

        assertEquals(prices, PriceBatch.read(PriceBatch.write(prices), KEY_TIME));
    }

    @Test
    void aCanonicalUuidIdTakesItsSixteenBytesAndAnyOtherIdReadsBackAsWritten() {
        Instant at = Instant.parse("2026-11-20T20:00:00Z");
        List<PricePoint> uuid = List.of(new PricePoint(at, 1.0, "7f1c2a9e-0b4d-4c4e-9a51-3e0c6f0d8b21"));
        List<PricePoint> others = List.of(
                new PricePoint(at, 1.0, "7F1C2A9E-0B4D-4C4E-9A51-3E0C6F0D8B21"),
                new PricePoint(at.plusSeconds(1), 2.0, "00000000-0000-0000-0000-000000000000"),
                new PricePoint(at.plusSeconds(2), 3.0, "7f1c2a9e-0b4d-4c4e-9a51-3e0c6f0d8b2"),
                new PricePoint(at.plusSeconds(3), 4.0, ""));

        assertEquals(8 + 4 + 8 + 4 + 8 + 1 + 16, PriceBatch.write(uuid).length);
        assertEquals(uuid, PriceBatch.read(PriceBatch.write(uuid), KEY_TIME));
        assertEquals(others, PriceBatch.read(PriceBatch.write(others), KEY_TIME));
    }

    @Test
    void aBatchWrittenWithTextIdsReadsBack() {
        byte[] id = "7f1c2a9e-0b4d-4c4e-9a51-3e0c6f0d8b21".getBytes(StandardCharsets.UTF_8);
        Instant first = Instant.parse("2026-11-20T20:59:59.123456789Z");
        byte[] written = ByteBuffer.allocate(8 + 4 + 2 * (8 + 4 + 8 + 4) + id.length)
                .putLong(0x7ff8_5072_6963_6573L).putInt(2)
                .putLong(first.getEpochSecond()).putInt(first.getNano()).putDouble(123.45).putInt(id.length).put(id)
                .putLong(KEY_TIME.getEpochSecond()).putInt(0).putDouble(0.5).putInt(-1)
                .array();

        assertEquals(List.of(new PricePoint(first, 123.45, "7f1c2a9e-0b4d-4c4e-9a51-3e0c6f0d8b21"),
                new PricePoint(KEY_TIME, 0.5, null)), PriceBatch.read(written, KEY_TIME));
    }

    @Test
    void aPriceStoredAloneBeforeBatchesReadsBackAtItsKeysTime() {
        byte[] bare = Serdes.Double().serializer().serialize(TOPIC, 42.0);
        byte[] withId = ByteBuffer.allocate(8 + 2).putDouble(9.5).put("id".getBytes()).array();

        assertEquals(List.of(new PricePoint(KEY_TIME, 42.0, null)), PriceBatch.read(bare, KEY_TIME));
        assertEquals(List.of(new PricePoint(KEY_TIME, 9.5, "id")), PriceBatch.read(withId, KEY_TIME));
    }

    @Test
    void aNaNThatIsNotTheMarkerIsRefused() {
        byte[] nan = Serdes.Double().serializer().serialize(TOPIC, Double.NaN);

        assertThrows(IllegalArgumentException.class, () -> PriceBatch.read(nan, KEY_TIME));
    }
}
