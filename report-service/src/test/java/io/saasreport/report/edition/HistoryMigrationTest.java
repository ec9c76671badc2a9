package io.saasreport.report.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.domain.HistoryAtInstant;
import io.saasreport.report.domain.HistoryRetention;
import io.saasreport.report.domain.WeeklyClose;
import io.saasreport.report.record.SnapshotJson;
import io.saasreport.report.service.Filings;
import io.saasreport.report.service.HistoryStore;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.SchemaOfItsOwn;

/**
 * V6 converts a history stored by the rule before it (every point, thinned by age) into one row per series, resolution
 * and period. In a schema of its own: migrated to V5, filled with three weeks of points, each week's edition built
 * from it with the queries editions used then; migrated to the end, the same editions built from the new tables.
 */
@QuarkusTest
class HistoryMigrationTest {

    private static final String SCHEMA = "history_before_v6";
    private static final WeeklyClose WEEK_1 = WeeklyClose.ofWeekOf(Instant.parse("2026-11-20T12:00:00Z"));
    private static final List<WeeklyClose> WEEKS = List.of(WEEK_1, WEEK_1.previousWeek(-1), WEEK_1.previousWeek(-2));
    /** Joins in the second week: its history begins later than the universe's. */
    private static final String LATECOMER = "BPH";
    /** Stops after the first week: every later edition shows its last figures. */
    private static final String QUIET = "UMV";

    @Inject
    SnapshotJson json;
    @Inject
    Filings filings;
    @Inject
    Clock clock;
    @Inject
    SchemaOfItsOwn schemas;

    private PGSimpleDataSource schema;
    private final List<Instant> universeTimes = new ArrayList<>();

    @BeforeEach
    void aHistoryStoredBeforeV6() throws SQLException {
        schema = schemas.dataSource(SCHEMA);
        Flyway before = flyway("5");
        before.clean();
        before.migrate();
        try (Connection connection = schema.getConnection()) {
            for (WeeklyClose week : WEEKS) {
                Instant monday = week.instant().minus(Duration.ofDays(4)).minus(Duration.ofHours(6));
                for (Instant at : List.of(monday, monday.plus(Duration.ofDays(2)), week.instant().minusSeconds(600),
                        week.instant(), week.instant().plusSeconds(1))) {
                    universeTimes.add(at);
                    insert(connection, "insert into universe_history (universe, as_of, payload) values ('universe', ?, ?::jsonb)",
                            at, ExampleData.universe(at, universe -> universe.put("medianEvToNtmRevenue", at.getEpochSecond() % 1000)));
                }
                for (String ticker : ExampleData.TICKERS) {
                    if ((ticker.equals(LATECOMER) && week == WEEK_1) || (ticker.equals(QUIET) && week != WEEK_1)) {
                        continue;
                    }
                    for (Instant at : List.of(monday.plus(Duration.ofHours(1)), week.instant().minusSeconds(60),
                            week.instant().minusSeconds(60), week.instant().plus(Duration.ofHours(2)))) {
                        double price = 100 + at.getEpochSecond() % 97 + universeTimes.size();
                        insert(connection, "insert into company_history (ticker, as_of, payload) values ('" + ticker + "', ?, ?::jsonb)",
                                at, ExampleData.company(ticker, at, company -> company.put("price", price)));
                    }
                }
            }
        }
    }

    private Flyway flyway(String target) {
        return schemas.flyway(SCHEMA, target);
    }

    private static void insert(Connection connection, String sql, Instant at, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, payload);
            insert.executeUpdate();
        }
    }

    private Editions editions(HistoryAtInstant history) {
        return new Editions(json, filings, clock, history);
    }

    @Test
    void everyEditionBuiltBeforeTheMigrationIsTheSameAfterIt() {
        List<Edition> before = WEEKS.stream().map(week -> editions(new HistoryBeforeV6(schema)).of(week).orElseThrow()).toList();

        flyway("latest").migrate();

        List<Edition> after = WEEKS.stream()
                .map(week -> editions(new HistoryStore(schema, HistoryRetention.DEFAULT)).of(week).orElseThrow()).toList();
        assertEquals(before, after);
        assertTrue(before.get(1).scatter().points().stream().anyMatch(point -> point.ticker().equals(LATECOMER)));
        assertTrue(before.get(2).scatter().points().stream().anyMatch(point -> point.ticker().equals(QUIET)),
                "the quiet company's last figures, two weeks old");
        assertEquals(WEEKS.get(2).instant(), before.get(2).asOf(), "the point at the close is the week's");
    }

    @Test
    void everyWeeklyCloseIsKeptAndEachPeriodHoldsItsLastPoint() throws SQLException {
        flyway("latest").migrate();

        try (Connection connection = schema.getConnection()) {
            assertEquals(4, count(connection, "select count(*) from universe_history where resolution = 'w'"),
                    "the three closes and the week after the last (its point a second after the close)");
            assertEquals(WEEKS.get(0).instant(), instant(connection, "select as_of from universe_history"
                    + " where resolution = 'w' order by period limit 1"));
            // Week 1: all but the latecomer; week 2: all, the quiet one by its point two hours after the first close;
            // week 3: all but the quiet one.
            int companies = ExampleData.TICKERS.size();
            assertEquals((companies - 1) + companies + (companies - 1), count(connection, "select count(*) from company_history where resolution = 'w'"
                    + " and period <= '" + WEEKS.get(2).instant() + "'"));
            assertEquals(1, count(connection, "select count(*) from company_history where resolution = 'm' and ticker = '"
                    + QUIET + "' and period = '" + WEEKS.get(0).instant().minusSeconds(60) + "'"), "two points tied: one row");
            assertEquals(0, count(connection, "select count(*) from company_history where resolution = 'm' and ticker = '"
                    + QUIET + "' and period < '" + WEEKS.get(0).instant().minus(Duration.ofDays(1)) + "'"),
                    "minutes more than a day behind the company's newest point are gone");
            assertEquals(0, count(connection, "select count(*) from information_schema.tables where table_schema = '"
                    + SCHEMA + "' and table_name like '%_v5'"));
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Instant instant(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    /** The history as editions read it before V6: every stored point, the latest at or before the close (ties by id). */
    private record HistoryBeforeV6(DataSource schema) implements HistoryAtInstant {

        @Override
        public Stored stored(String universe) {
            throw new UnsupportedOperationException("editions built here are not kept");
        }


        @Override
        public Optional<String> universeAtOrBefore(String universe, Instant instant) {
            List<String> found = texts("select payload::text from universe_history where universe = ? and as_of <= ?"
                    + " order by as_of desc, id desc limit 1", universe, instant);
            return found.stream().findFirst();
        }

        @Override
        public List<String> companiesAtOrBefore(Instant instant) {
            return texts("select p.payload::text from company_history p where p.as_of <= ? and not exists (select 1"
                    + " from company_history q where q.ticker = p.ticker and q.as_of <= ? and (q.as_of > p.as_of"
                    + " or (q.as_of = p.as_of and q.id > p.id))) order by p.ticker", instant, instant);
        }

        private List<String> texts(String sql, Object... parameters) {
            try (Connection connection = schema.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof Instant at) {
                        select.setTimestamp(i + 1, Timestamp.from(at));
                    } else {
                        select.setString(i + 1, (String) parameters[i]);
                    }
                }
                List<String> texts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        texts.add(rows.getString(1));
                    }
                }
                return texts;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
