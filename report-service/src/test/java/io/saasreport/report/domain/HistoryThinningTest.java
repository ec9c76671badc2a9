package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryThinningTest {

    /** A fixed clock: the rule is judged at 2026-11-23 12:00 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final HistoryThinning RULE = new HistoryThinning(Duration.ofDays(1), Duration.ofDays(7));

    private record Point(String name, Instant time) {
    }

    private static Point at(String time) {
        return new Point(time, Instant.parse(time));
    }

    private static List<Point> kept(List<Point> points, Clock clock) {
        List<Point> kept = new ArrayList<>(points);
        kept.removeAll(RULE.discardable(points, Point::time, clock.instant()));
        return kept;
    }

    @Test
    void keepsEveryPointOfTheLastDay() {
        List<Point> points = List.of(
                at("2026-11-22T12:00:00Z"), // exactly a day old: still kept
                at("2026-11-22T12:00:01Z"), at("2026-11-22T12:10:00Z"), at("2026-11-23T11:59:59Z"));

        assertEquals(points, kept(points, CLOCK));
    }

    @Test
    void keepsTheLastPointOfEachHourBetweenADayAndAWeekOld() {
        Point firstOfHour = at("2026-11-20T09:05:00Z");
        Point lastOfHour = at("2026-11-20T09:55:00Z");
        Point aloneInNextHour = at("2026-11-20T10:30:00Z");
        Point justOverADayOld = at("2026-11-22T11:59:59Z");

        assertEquals(List.of(lastOfHour, aloneInNextHour, justOverADayOld),
                kept(List.of(firstOfHour, lastOfHour, aloneInNextHour, justOverADayOld), CLOCK));
    }

    @Test
    void keepsTheLastPointOfEachDayBeforeThat() {
        List<Point> tenDaysAgo = List.of(at("2026-11-13T01:00:00Z"), at("2026-11-13T09:30:00Z"), at("2026-11-13T23:59:00Z"));
        List<Point> nineDaysAgo = List.of(at("2026-11-14T08:00:00Z"), at("2026-11-14T08:20:00Z"));
        List<Point> all = new ArrayList<>(tenDaysAgo);
        all.addAll(nineDaysAgo);

        // Friday the 13th's 09:30 stays too: the last point before that Friday's close (see below).
        assertEquals(List.of(tenDaysAgo.get(1), tenDaysAgo.get(2), nineDaysAgo.get(1)), kept(all, CLOCK));
    }

    @Test
    void keepsTheLastPointAtOrBeforeEachFridayCloseWhateverItsAge() {
        // 2026-07-10 is a Friday in daylight saving time: the close is 16:00 EDT = 20:00 UTC.
        Point beforeClose = at("2026-07-10T19:59:00Z");
        Point atClose = at("2026-07-10T20:00:00Z");
        Point afterClose = at("2026-07-10T20:01:00Z");
        Point lastOfDay = at("2026-07-10T23:00:00Z");
        // 2026-11-06 is a Friday in standard time: 16:00 EST = 21:00 UTC.
        Point winterBeforeClose = at("2026-11-06T20:59:00Z");
        Point winterAfterClose = at("2026-11-06T21:30:00Z");

        assertEquals(List.of(atClose, lastOfDay, winterBeforeClose, winterAfterClose),
                kept(List.of(beforeClose, atClose, afterClose, lastOfDay, winterBeforeClose, winterAfterClose), CLOCK));
    }

    @Test
    void anHourStraddlingTheOneDayBoundaryKeepsItsRecentPointsAndDropsTheOlderOnes() {
        Clock halfPast = Clock.offset(CLOCK, Duration.ofMinutes(30)); // the day boundary: 2026-11-22 12:30
        Point olderThanADay = at("2026-11-22T12:10:00Z");
        Point withinTheDay = at("2026-11-22T12:50:00Z");

        assertEquals(List.of(withinTheDay), kept(List.of(olderThanADay, withinTheDay), halfPast));
    }

    @Test
    void thinningAgainLaterOnlyEverDiscardsWhatTheRuleSays() {
        List<Point> points = new ArrayList<>();
        for (Instant t = Instant.parse("2026-11-01T00:00:00Z"); t.isBefore(CLOCK.instant()); t = t.plus(Duration.ofMinutes(17))) {
            points.add(new Point(t.toString(), t));
        }
        List<Point> once = kept(points, CLOCK);

        assertEquals(once, kept(once, CLOCK), "idempotent at the same instant");
        Clock aWeekLater = Clock.offset(CLOCK, Duration.ofDays(7));
        assertEquals(kept(points, aWeekLater), kept(once, aWeekLater), "thinning in steps equals thinning at once");
        long daysBeforeTheWeek = kept(points, aWeekLater).stream()
                .filter(p -> p.time().isBefore(aWeekLater.instant().minus(Duration.ofDays(7)))).count();
        assertEquals(23 + 3, daysBeforeTheWeek, "one point per day, Nov 1 to Nov 23, and the closes of Fridays 6, 13, 20");
    }

    @Test
    void amongPointsAtTheSameTimeTheLaterInsertedCountsAsLast() {
        Point first = new Point("first", Instant.parse("2026-11-10T10:00:00Z"));
        Point second = new Point("second", Instant.parse("2026-11-10T10:00:00Z"));

        assertEquals(List.of(second), kept(List.of(first, second), CLOCK));
    }

    @Test
    void acceptsPointsInAnyOrder() {
        Point late = at("2026-11-10T10:40:00Z");
        Point early = at("2026-11-10T10:10:00Z");

        assertEquals(List.of(early), RULE.discardable(List.of(late, early), Point::time, CLOCK.instant()));
    }

    @Test
    void refusesAnHourlyWindowShorterThanTheKeepEverythingWindow() {
        assertThrows(IllegalArgumentException.class, () -> new HistoryThinning(Duration.ofDays(2), Duration.ofDays(1)));
    }
}
