package io.saasreport.report.domain;

import static io.saasreport.report.domain.HistoryRetentionTest.point;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MediansHistoryTest {

    private static final Instant T = Instant.parse("2026-11-18T15:00:00Z");

    private static List<Double> overall(List<MediansPoint> points) {
        return points.stream().map(MediansPoint::overall).toList();
    }

    @Test
    void eachPeriodKeepsItsLastPointAndAnEarlierOneArrivingLateChangesNothing() {
        MediansHistory history = MediansHistory.empty(HistoryRetention.DEFAULT)
                .with(point(T.plusSeconds(10), 1))
                .with(point(T.plusSeconds(50), 2))
                .with(point(T.plusSeconds(70), 3))
                .with(point(T.plusSeconds(20), 9)); // older than the minute's point: ignored

        assertEquals(List.of(2.0, 3.0), overall(history.between(HistoryResolution.MINUTE, null, null, 10)));
        assertEquals(List.of(3.0), overall(history.between(HistoryResolution.HOUR, null, null, 10)));
        assertEquals(List.of(3.0), overall(history.between(HistoryResolution.WEEK, null, null, 10)));
    }

    @Test
    void aReadAnswersTheNewestPointsWithinTheRangeOldestFirst() {
        MediansHistory history = MediansHistory.empty(HistoryRetention.DEFAULT);
        for (int minute = 0; minute < 10; minute++) {
            history = history.with(point(T.plus(Duration.ofMinutes(minute)), minute));
        }

        assertEquals(List.of(7.0, 8.0, 9.0), overall(history.between(HistoryResolution.MINUTE, null, null, 3)));
        assertEquals(List.of(2.0, 3.0, 4.0), overall(history.between(HistoryResolution.MINUTE,
                T.plus(Duration.ofMinutes(2)), T.plus(Duration.ofMinutes(4)), 10)), "inclusive bounds");
        assertEquals(List.of(3.0), overall(history.between(HistoryResolution.MINUTE,
                T.plus(Duration.ofMinutes(2)).plusSeconds(1), T.plus(Duration.ofMinutes(3)).plusSeconds(1), 10)),
                "bounds on asOf, not on the period");
    }

    @Test
    void periodsOutOfTheRetentionBehindTheNewestPointGo() {
        HistoryRetention retention = new HistoryRetention(Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(1));
        MediansHistory history = MediansHistory.empty(retention);
        for (int minute = 0; minute < 10; minute++) {
            history = history.with(point(T.plus(Duration.ofMinutes(minute)), minute));
        }
        history = history.with(point(T.plus(Duration.ofDays(3)), 100));

        assertEquals(List.of(100.0), overall(history.between(HistoryResolution.MINUTE, null, null, 100)));
        assertEquals(List.of(100.0), overall(history.between(HistoryResolution.DAY, null, null, 100)));
        assertEquals(List.of(9.0, 100.0), overall(history.between(HistoryResolution.WEEK, null, null, 100)),
                "every weekly close stays");
    }
}
