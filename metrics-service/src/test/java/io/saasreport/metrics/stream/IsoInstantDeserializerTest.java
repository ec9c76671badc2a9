package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.event.PriceEvent;

class IsoInstantDeserializerTest {

    @Test
    void readsThePlainUtcFormAsJavaDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertEquals(Instant.parse(iso), IsoInstantDeserializer.parse(iso), iso);
            // any number of fraction digits, as ISO-8601 allows
            String seconds = iso.substring(0, 19);
            String fraction = String.format("%09d", instant.getNano()).substring(0, 1 + random.nextInt(9));
            String text = seconds + "." + fraction + "Z";
            assertEquals(Instant.parse(text), IsoInstantDeserializer.parse(text), text);
        }
    }

    @Test
    void leavesEveryOtherFormToJackson() throws Exception {
        for (String text : new String[] {"2026-11-20T22:00:00+01:00", "2026-11-20T21:00:00.Z", "2026-11-20t21:00:00z",
                "2026-02-30T21:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T21:60:00Z", "+12026-11-20T21:00:00Z",
                "2026-11-20T21:00:00.1234567890Z", "2026-11-20 21:00:00Z", "2026-1a-20T21:00:00Z"}) {
            assertNull(IsoInstantDeserializer.parse(text), text);
        }
        // An offset is still read, by Jackson's own deserializer.
        MarketEvent withOffset = StreamJson.MAPPER.readValue(
                "{\"type\":\"price\",\"ticker\":\"ACME\",\"price\":10,\"at\":\"2026-11-20T22:00:00+01:00\"}", MarketEvent.class);
        assertEquals(Instant.parse("2026-11-20T21:00:00Z"), ((PriceEvent) withOffset).at());
        // An impossible date is still refused.
        assertThrows(JsonMappingException.class, () -> StreamJson.MAPPER.readValue(
                "{\"type\":\"price\",\"ticker\":\"ACME\",\"price\":10,\"at\":\"2026-02-30T21:00:00Z\"}", MarketEvent.class));
    }

    @Test
    void theTopologysMapperReadsAnEventsInstant() throws Exception {
        MarketEvent event = StreamJson.MAPPER.readValue(
                "{\"type\":\"price\",\"ticker\":\"ACME\",\"price\":10,\"at\":\"2026-11-20T21:00:00.5Z\"}", MarketEvent.class);
        assertEquals(Instant.parse("2026-11-20T21:00:00.500Z"), ((PriceEvent) event).at());
    }
}
