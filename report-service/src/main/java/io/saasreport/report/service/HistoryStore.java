package io.saasreport.report.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.saasreport.report.domain.HistoryAtInstant;
import io.saasreport.report.domain.HistoryResolution;
import io.saasreport.report.domain.HistoryRetention;

/**
 * The company and universe histories in PostgreSQL: one row per series (a ticker or a universe), resolution and
 * period, holding the last point of the period. A point is written as it arrives, as one upsert of its four periods,
 * and the periods that fall out of the retention behind it are deleted by the same key: every statement reads and
 * writes only the rows of the keys at hand, through the primary key (series, resolution, period), whatever the
 * history's size. Reads are range scans of the same index, at most a limit of rows.
 */
@Singleton
public class HistoryStore implements HistoryAtInstant {

    /**
     * A stored history: its table, the column of its series' key, the type of its payload column and whether its
     * points are written as the history endpoint serves them (V10: the company's; a row stored before says so).
     */
    public enum Series {
        COMPANY("company_history", "ticker", "text", true),
        UNIVERSE("universe_history", "universe", "jsonb", false);

        private final String table;
        private final String key;
        private final String payloadType;
        private final boolean writtenAsServed;

        Series(String table, String key, String payloadType, boolean writtenAsServed) {
            this.table = table;
            this.key = key;
            this.payloadType = payloadType;
            this.writtenAsServed = writtenAsServed;
        }

        /** The column that tells a point written as served from one stored before (V10), or a constant. */
        private String asServed() {
            return writtenAsServed ? "as_served" : "false";
        }
    }

    /** One point to store: its series' key, its time and its JSON. */
    public record Point(String key, Instant asOf, String payload) {
    }

    /** One stored row: its resolution and the point's JSON. */
    public record Row(HistoryResolution resolution, String payload) {
    }

    /**
     * A point's stored JSON (as PostgreSQL sends it: UTF-8, not decoded into a String), and whether it is the text
     * the history endpoint serves (else it is to be written again).
     */
    public record StoredPoint(byte[] json, boolean asServed) {
    }

    private static final String COMPANIES_AT = "with recursive tickers(ticker) as ("
            + " (select ticker from company_history order by ticker limit 1)"
            + " union all select (select h.ticker from company_history h where h.ticker > t.ticker order by h.ticker limit 1)"
            + " from tickers t where t.ticker is not null)"
            + " select p.payload::text from tickers t cross join lateral (select h.payload from company_history h"
            + " where h.ticker = t.ticker and h.resolution = 'w' and h.period <= ? order by h.period desc limit 1) p"
            // A company removed by the close is not in the edition (docs/api.md, "Corrections").
            + " where not exists (select 1 from company_removal r where r.ticker = t.ticker and r.removed_at <= ?)"
            + " order by t.ticker";

    private static final HistoryResolution[] RESOLUTIONS = HistoryResolution.values();

    private final DataSource dataSource;
    private final HistoryRetention retention;

    @Inject
    public HistoryStore(DataSource dataSource, HistoryRetention retention) {
        this.dataSource = dataSource;
        this.retention = retention;
    }

    /**
     * Writes each point into its four periods (where it is not older than the point held there) and drops what
     * falls out of the retention behind each series' newest point, in the caller's transaction: one upsert for the
     * whole batch and one delete per resolution, each row reached through the primary key.
     */
    public void store(Connection connection, Series series, List<Point> points) throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        int size = points.size();
        String[] keys = new String[size];
        Timestamp[] times = new Timestamp[size];
        String[] payloads = new String[size];
        Timestamp[][] periods = new Timestamp[RESOLUTIONS.length][size];
        Map<String, Instant> newest = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Point point = points.get(i);
            keys[i] = point.key();
            times[i] = Timestamp.from(point.asOf());
            payloads[i] = point.payload();
            for (int r = 0; r < RESOLUTIONS.length; r++) {
                periods[r][i] = Timestamp.from(RESOLUTIONS[r].periodOf(point.asOf()));
            }
            newest.merge(point.key(), point.asOf(), (held, next) -> next.isAfter(held) ? next : held);
        }
        // A batch may hold several points of one period (a key's minutes of one hour): the latest, and on a tie the
        // later one, is the period's, as one upsert may touch each row once.
        String asServed = series.writtenAsServed ? ", as_served" : "";
        String upsert = "insert into " + series.table + " (" + series.key + ", resolution, period, as_of, payload"
                + asServed + ") select distinct on (p.key, r.resolution, r.period) p.key, r.resolution, r.period, p.as_of,"
                + " p.payload::" + series.payloadType + (series.writtenAsServed ? ", true" : "")
                + " from unnest(?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],"
                + " ?::timestamptz[]) with ordinality as p(key, as_of, payload, m, h, d, w, n)"
                + " cross join lateral (values ('m', p.m), ('h', p.h), ('d', p.d), ('w', p.w)) as r(resolution, period)"
                + " order by p.key, r.resolution, r.period, p.as_of desc, p.n desc"
                + " on conflict (" + series.key + ", resolution, period) do update set as_of = excluded.as_of,"
                + " payload = excluded.payload" + (series.writtenAsServed ? ", as_served = true" : "")
                + " where excluded.as_of >= " + series.table + ".as_of";
        try (PreparedStatement write = connection.prepareStatement(upsert)) {
            write.setArray(1, connection.createArrayOf("text", keys));
            write.setArray(2, connection.createArrayOf("timestamptz", times));
            write.setArray(3, connection.createArrayOf("text", payloads));
            for (int r = 0; r < RESOLUTIONS.length; r++) {
                write.setArray(4 + r, connection.createArrayOf("timestamptz", periods[r]));
            }
            write.executeUpdate();
        }
        String[] keysOfSeries = newest.keySet().toArray(String[]::new);
        for (HistoryResolution resolution : RESOLUTIONS) {
            if (retention.kept(resolution).isEmpty()) {
                continue;
            }
            Timestamp[] cuts = newest.values().stream()
                    .map(time -> Timestamp.from(retention.keptFrom(resolution, time).orElseThrow())).toArray(Timestamp[]::new);
            try (PreparedStatement trim = connection.prepareStatement("delete from " + series.table + " h using"
                    + " unnest(?::text[], ?::timestamptz[]) as c(key, cut) where h." + series.key + " = c.key"
                    + " and h.resolution = ? and h.period < c.cut")) {
                trim.setArray(1, connection.createArrayOf("text", keysOfSeries));
                trim.setArray(2, connection.createArrayOf("timestamptz", cuts));
                trim.setString(3, resolution.code());
                trim.executeUpdate();
            }
        }
    }

    /**
     * One series' points of one resolution whose asOf is within the bounds (inclusive, either may be null): the
     * newest {@code limit}, oldest first, as stored.
     */
    public List<StoredPoint> between(Series series, String key, HistoryResolution resolution, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select payload::text, " + series.asServed() + " from " + series.table
                + " where " + series.key + " = ? and resolution = ?");
        List<Instant> bounds = new ArrayList<>();
        if (from != null) {
            sql.append(" and period >= ? and as_of >= ?");
            bounds.add(resolution.periodOf(from));
            bounds.add(from);
        }
        if (to != null) {
            sql.append(" and period <= ? and as_of <= ?");
            bounds.add(resolution.periodOf(to));
            bounds.add(to);
        }
        sql.append(" order by period desc limit ?");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setString(1, key);
            select.setString(2, resolution.code());
            int index = 3;
            for (Instant bound : bounds) {
                select.setTimestamp(index++, Timestamp.from(bound));
            }
            select.setInt(index, limit);
            List<StoredPoint> points = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    points.add(new StoredPoint(rows.getBytes(1), rows.getBoolean(2)));
                }
            }
            Collections.reverse(points);
            return points;
        } catch (SQLException e) {
            throw new HistoryReadFailure(series.table, e);
        }
    }

    /** Every row of one series (at most {@link HistoryRetention#rowsAtMost} of them): what a view loads at start. */
    public List<Row> all(Series series, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select resolution, payload::text from "
                        + series.table + " where " + series.key + " = ? order by as_of")) {
            select.setString(1, key);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(HistoryResolution.ofCode(result.getString(1)), result.getString(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new HistoryReadFailure(series.table, e);
        }
    }

    /** Whether the series has any stored point. */
    public boolean holds(Series series, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select 1 from " + series.table + " where "
                        + series.key + " = ? limit 1")) {
            select.setString(1, key);
            return !texts(select).isEmpty();
        } catch (SQLException e) {
            throw new HistoryReadFailure(series.table, e);
        }
    }

    /** The weekly close's row holds the last point of its week, so the latest week at or before is the answer. */
    @Override
    public Optional<String> universeAtOrBefore(String universe, Instant instant) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select payload::text from universe_history"
                        + " where universe = ? and resolution = 'w' and period <= ? order by period desc limit 1")) {
            select.setString(1, universe);
            select.setTimestamp(2, Timestamp.from(HistoryResolution.WEEK.periodOf(instant)));
            List<String> found = texts(select);
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw new HistoryReadFailure("universe_history", e);
        }
    }

    /**
     * Each ticker's latest weekly close at or before the instant, found by skipping from ticker to ticker through the
     * primary key: one index descent per company, not a read of every stored week.
     */
    @Override
    public List<String> companiesAtOrBefore(Instant instant) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(COMPANIES_AT)) {
            select.setTimestamp(1, Timestamp.from(HistoryResolution.WEEK.periodOf(instant)));
            select.setTimestamp(2, Timestamp.from(instant));
            return texts(select);
        } catch (SQLException e) {
            throw new HistoryReadFailure("company_history", e);
        }
    }

    /** The newest weekly row of the universe holds its newest point; the removals' count and last id change with them. */
    @Override
    public Stored stored(String universe) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select (select as_of from universe_history"
                        + " where universe = ? and resolution = 'w' order by period desc limit 1),"
                        + " (select count(*) || '/' || coalesce(max(id), 0) from company_removal)")) {
            select.setString(1, universe);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                Timestamp newest = result.getTimestamp(1);
                return new Stored(Optional.ofNullable(newest).map(Timestamp::toInstant), result.getString(2));
            }
        } catch (SQLException e) {
            throw new HistoryReadFailure("universe_history", e);
        }
    }

    /** The planner's estimate of a history table's rows: counting them exactly would read the whole table. */
    public long estimatedRows(Series series) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select greatest(reltuples, 0)::bigint from pg_class where oid = ?::regclass")) {
            select.setString(1, series.table);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new HistoryReadFailure(series.table, e);
        }
    }

    private static List<String> texts(PreparedStatement select) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    /** The database did not answer a history read. */
    public static final class HistoryReadFailure extends RuntimeException {
        HistoryReadFailure(String table, SQLException cause) {
            super("Cannot read " + table + ": " + cause.getMessage(), cause);
        }
    }
}
