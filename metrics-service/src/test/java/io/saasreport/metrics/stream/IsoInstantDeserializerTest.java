package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.event.PriceEvent;

/** The forms the topology reads from their digits are {@code UtcInstantsTest}'s; the others go to Jackson's own. */
class IsoInstantDeserializerTest {

    @Test
    void leavesEveryOtherFormToJackson() throws Exception {
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
