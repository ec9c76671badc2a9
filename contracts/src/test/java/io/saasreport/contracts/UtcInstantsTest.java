package io.saasreport.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class UtcInstantsTest {

    @Test
    void readsThePlainUtcFormAsJavaDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertEquals(Instant.parse(iso), UtcInstants.parse(iso), iso);
            // any number of fraction digits, as ISO-8601 allows
            String seconds = iso.substring(0, 19);
            String fraction = String.format(Locale.ROOT, "%09d", instant.getNano()).substring(0, 1 + random.nextInt(9));
            String text = seconds + "." + fraction + "Z";
            assertEquals(Instant.parse(text), UtcInstants.parse(text), text);
        }
    }

    @Test
    void leavesEveryOtherFormToTheCaller() {
        for (String text : new String[] {"2026-11-20T22:00:00+01:00", "2026-11-20T21:00:00.Z", "2026-11-20t21:00:00z",
                "2026-02-30T21:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T21:60:00Z", "2026-11-20T21:00:60Z",
                "+12026-11-20T21:00:00Z", "2026-11-20T21:00:00.1234567890Z", "2026-11-20 21:00:00Z",
                "2026-1a-20T21:00:00Z", "2026-11-20T21:00:00.1a3Z", "２０２６-11-20T21:00:00Z", "", "Z"}) {
            assertNull(UtcInstants.parse(text), text);
        }
    }
}
