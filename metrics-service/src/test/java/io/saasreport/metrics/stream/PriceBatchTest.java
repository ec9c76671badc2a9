package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void aPriceStoredAloneBeforeBatchesReadsBackAtItsKeysTime() {
        byte[] bare = Serdes.Double().serializer().serialize(TOPIC, 42.0);
        byte[] withId = java.nio.ByteBuffer.allocate(8 + 2).putDouble(9.5).put("id".getBytes()).array();

        assertEquals(List.of(new PricePoint(KEY_TIME, 42.0, null)), PriceBatch.read(bare, KEY_TIME));
        assertEquals(List.of(new PricePoint(KEY_TIME, 9.5, "id")), PriceBatch.read(withId, KEY_TIME));
    }

    @Test
    void aNaNThatIsNotTheMarkerIsRefused() {
        byte[] nan = Serdes.Double().serializer().serialize(TOPIC, Double.NaN);

        assertThrows(IllegalArgumentException.class, () -> PriceBatch.read(nan, KEY_TIME));
    }
}
