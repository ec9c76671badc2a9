package io.saasreport.ingest.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Daily data (closing prices, the day's treasury yield) is stamped at the US market close,
 * 16:00 in New York, as an instant: 21:00Z in winter, 20:00Z in summer. Early closes are not modelled.
 */
public final class MarketClose {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime CLOSE = LocalTime.of(16, 0);

    public static Instant of(LocalDate day) {
        return day.atTime(CLOSE).atZone(NEW_YORK).toInstant();
    }

    private MarketClose() {
    }
}
