package io.saasreport.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsEnginePeerTest {

    @Test
    void peerFiguresEnterTheUniverseAndOlderOnesAreIgnored() {
        MetricsEngine engine = new MetricsEngine();
        assertTrue(engine.acceptPeer(figures("PEER", "2026-11-20T21:00:00Z", 12.0)).isPresent());
        assertEquals(1, engine.universe().companyCount());
        assertEquals(12.0, engine.universe().medianEvToNtmRevenue());

        assertTrue(engine.acceptPeer(figures("PEER", "2026-11-19T21:00:00Z", 99.0)).isEmpty(), "older figures");
        assertTrue(engine.acceptPeer(figures("PEER", "2026-11-20T21:00:00Z", 12.0)).isEmpty(), "same figures");
        assertEquals(12.0, engine.universe().medianEvToNtmRevenue());

        engine.acceptPeer(figures("PEER", "2026-11-21T21:00:00Z", 14.0));
        assertEquals(14.0, engine.universe().medianEvToNtmRevenue());
    }

    private static CompanyMetrics figures(String ticker, String asOf, double multiple) {
        String json = "{\"ticker\":\"%s\",\"asOf\":\"%s\",\"ntmGrowth\":0.3,\"evToNtmRevenue\":%s}"
                .formatted(ticker, asOf, multiple);
        try {
            return TestJson.MAPPER.readValue(json, CompanyMetrics.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
