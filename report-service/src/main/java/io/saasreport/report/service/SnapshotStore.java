package io.saasreport.report.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.saasreport.report.record.CompanyValue;
import io.saasreport.report.record.Conflation;
import io.saasreport.report.record.Update;
import io.saasreport.report.record.Version;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.Filing;
import io.saasreport.report.domain.FilingsRecord;
import io.saasreport.report.domain.GrowthBucket;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseStatistics;

/**
 * Writes a conflated batch in one transaction with batched statements: the snapshots (upserts that never replace a
 * newer value), each new snapshot into its history's periods (HistoryStore), the filings (a quarter replaced only by a
 * later filing). Every write is idempotent, so a batch retried after a failure, or delivered again, changes nothing.
 */
@ApplicationScoped
public class SnapshotStore {

    private static final String NEWER = "case when excluded.revision is not null and %1$s.revision is not null"
            + " then excluded.revision >= %1$s.revision else excluded.as_of >= %1$s.as_of end";
    private static final String UPSERT_COMPANY = "insert into company_snapshot"
            + " (ticker, name, as_of, revision, growth_bucket, payload, stored_at) values (?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (ticker) do update set name = excluded.name, as_of = excluded.as_of,"
            + " revision = excluded.revision, growth_bucket = excluded.growth_bucket, payload = excluded.payload,"
            + " stored_at = excluded.stored_at where " + NEWER.formatted("company_snapshot");
    private static final String UPSERT_UNIVERSE = "insert into universe_snapshot (id, as_of, revision, payload, stored_at)"
            + " values (?, ?, ?, ?::jsonb, ?) on conflict (id) do update set as_of = excluded.as_of,"
            + " revision = excluded.revision, payload = excluded.payload, stored_at = excluded.stored_at where "
            + NEWER.formatted("universe_snapshot");
    private static final String UPSERT_FILING = "insert into company_filing"
            + " (ticker, fiscal_year, fiscal_quarter, quarter_index, period_end, filed_at, payload)"
            + " values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (ticker, fiscal_year, fiscal_quarter) do update set"
            + " quarter_index = excluded.quarter_index, period_end = excluded.period_end, filed_at = excluded.filed_at,"
            + " payload = excluded.payload where excluded.filed_at > company_filing.filed_at";

    private final DataSource dataSource;
    private final HistoryStore history;
    private final Clock clock;

    SnapshotStore(DataSource dataSource, HistoryStore history, Clock clock) {
        this.dataSource = dataSource;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Stores each company's newest value, and every value given (a key's last of each minute: the caller's conflation)
     * that is newer than the stored one into the history. A tombstone (a removed company) deletes the snapshot and
     * records the removal (its time); the history stays. A company named again loses its removals.
     */
    @Transactional
    public void companies(Collection<Update<CompanyValue>> updates) {
        try (Connection connection = dataSource.getConnection()) {
            List<Update<CompanyValue>> removed = updates.stream().filter(Update::isTombstone).toList();
            List<Update<CompanyValue>> values = updates.stream().filter(update -> !update.isTombstone()).toList();
            if (!removed.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("delete from company_snapshot where ticker = any(?)")) {
                    delete.setArray(1, texts(connection, keys(removed)));
                    delete.executeUpdate();
                }
                recordRemovals(connection, removed);
            }
            List<Update<CompanyValue>> accepted = newerThanHeld(connection,
                    "select ticker, revision, as_of from company_snapshot where ticker = any(?)", values);
            if (accepted.isEmpty()) {
                return;
            }
            // Figures after a removal (on a ticker's partition nothing follows its tombstone): named again.
            try (PreparedStatement reinstate = connection.prepareStatement("delete from company_removal where ticker = any(?)")) {
                reinstate.setArray(1, texts(connection, keys(accepted)));
                reinstate.executeUpdate();
            }
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_COMPANY)) {
                for (Update<CompanyValue> update : Conflation.newestPerKey(accepted)) {
                    CompanyMetrics metrics = update.value().metrics();
                    upsert.setString(1, metrics.ticker());
                    upsert.setString(2, metrics.name());
                    upsert.setTimestamp(3, Timestamp.from(metrics.asOf()));
                    setRevision(upsert, 4, update.version());
                    upsert.setString(5, GrowthBucket.of(metrics).map(Enum::name).orElse(null));
                    upsert.setString(6, update.payload());
                    upsert.setTimestamp(7, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            List<HistoryStore.Point> points = accepted.stream().map(update -> new HistoryStore.Point(update.key(),
                    update.value().metrics().asOf(), update.value().asServed())).toList();
            history.store(connection, HistoryStore.Series.COMPANY, points);
        } catch (SQLException e) {
            throw new StoreFailure("company snapshots", e);
        }
    }

    /** One row per removal (a tombstone delivered again is the same row), with its time. */
    private static void recordRemovals(Connection connection, List<Update<CompanyValue>> removed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into company_removal"
                + " (ticker, removed_at) values (?, ?) on conflict (ticker, removed_at) do nothing")) {
            for (Update<CompanyValue> removal : removed) {
                if (removal.version() == null) {
                    continue; // no time to say when: the snapshot is gone, the history unmarked
                }
                insert.setString(1, removal.key());
                insert.setTimestamp(2, Timestamp.from(removal.version().asOf()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Stores a batch's universe statistics in order (a universe's last of each minute: the caller's conflation), each
     * upsert keeping the newest snapshot; a tombstone deletes a removed universe's snapshot (its history stays).
     */
    @Transactional
    public void universe(Collection<Update<UniverseStatistics>> updates) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> removed = updates.stream().filter(Update::isTombstone).map(Update::key).toList();
            if (!removed.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("delete from universe_snapshot where id = any(?)")) {
                    delete.setArray(1, texts(connection, removed));
                    delete.executeUpdate();
                }
            }
            List<Update<UniverseStatistics>> accepted = newerThanHeld(connection,
                    "select id, revision, as_of from universe_snapshot where id = any(?)",
                    updates.stream().filter(update -> !update.isTombstone()).toList());
            if (accepted.isEmpty()) {
                return;
            }
            // One upsert per universe, its newest; the history takes every accepted point (a minute's last each).
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_UNIVERSE)) {
                for (Update<UniverseStatistics> update : Conflation.newestPerKey(accepted)) {
                    upsert.setString(1, update.key());
                    upsert.setTimestamp(2, Timestamp.from(update.value().asOf()));
                    setRevision(upsert, 3, update.version());
                    upsert.setString(4, update.payload());
                    upsert.setTimestamp(5, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            history.store(connection, HistoryStore.Series.UNIVERSE, accepted.stream()
                    .map(update -> new HistoryStore.Point(update.key(), update.value().asOf(), update.payload())).toList());
        } catch (SQLException e) {
            throw new StoreFailure("universe statistics", e);
        }
    }

    /** Stores alerts; each is one row by its id, so a redelivered alert changes nothing. */
    @Transactional
    public void alerts(Collection<Update<UniverseAlert>> updates) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into universe_alert"
                        + " (id, universe, type, at, payload, received_at) values (?, ?, ?, ?, ?::jsonb, ?)"
                        + " on conflict (id) do nothing")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (Update<UniverseAlert> update : updates) {
                UniverseAlert alert = update.value();
                insert.setString(1, alert.id());
                insert.setString(2, alert.universe());
                insert.setString(3, alert.type());
                insert.setTimestamp(4, Timestamp.from(alert.at()));
                insert.setString(5, update.payload());
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StoreFailure("alerts", e);
        }
    }

    /**
     * Stores what company.filings carried, in offset order: a filing (one already held for the quarter is replaced
     * only by a later one, a restatement), a quarter's withdrawal (its row deleted), a company's removal (all its
     * rows deleted). Consecutive filings go in one statement batch.
     */
    @Transactional
    public void filings(Collection<Update<FilingsRecord>> updates) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT_FILING);
                PreparedStatement withdraw = connection.prepareStatement("delete from company_filing"
                        + " where ticker = ? and fiscal_year = ? and fiscal_quarter = ?");
                PreparedStatement remove = connection.prepareStatement("delete from company_filing where ticker = ?")) {
            for (Update<FilingsRecord> update : updates) {
                if (update.value() instanceof FilingsRecord.Withdrawn withdrawn) {
                    upsert.executeBatch();
                    withdraw.setString(1, withdrawn.ticker());
                    withdraw.setInt(2, withdrawn.fiscalYear());
                    withdraw.setInt(3, withdrawn.fiscalQuarter());
                    withdraw.executeUpdate();
                    continue;
                }
                if (update.value() instanceof FilingsRecord.CompanyRemoved removed) {
                    upsert.executeBatch();
                    remove.setString(1, removed.ticker());
                    remove.executeUpdate();
                    continue;
                }
                Filing filing = ((FilingsRecord.Filed) update.value()).filing();
                upsert.setString(1, filing.ticker());
                upsert.setInt(2, filing.fiscalYear());
                upsert.setInt(3, filing.fiscalQuarter());
                upsert.setInt(4, filing.quarterIndex());
                upsert.setObject(5, filing.periodEnd());
                upsert.setTimestamp(6, Timestamp.from(filing.filedAt()));
                upsert.setString(7, update.payload());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new StoreFailure("filings", e);
        }
    }

    /** The updates whose version supersedes the stored one (queried as key, revision, as_of). */
    private static <T> List<Update<T>> newerThanHeld(Connection connection, String query, List<Update<T>> updates)
            throws SQLException {
        if (updates.isEmpty()) {
            return List.of();
        }
        Map<String, Version> held = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setArray(1, texts(connection, keys(updates)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long revision = rows.getLong(2);
                    Long maybe = rows.wasNull() ? null : revision;
                    held.put(rows.getString(1), new Version(maybe, rows.getTimestamp(3).toInstant()));
                }
            }
        }
        List<Update<T>> accepted = new ArrayList<>();
        for (Update<T> update : updates) {
            if (update.version().supersedes(held.get(update.key()))) {
                accepted.add(update);
            }
        }
        return accepted;
    }

    private static <T> List<String> keys(List<Update<T>> updates) {
        return updates.stream().map(Update::key).toList();
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static void setRevision(PreparedStatement statement, int index, Version version) throws SQLException {
        if (version.revision() == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, version.revision());
        }
    }

    /** The database did not take the batch: the caller retries it. */
    public static final class StoreFailure extends RuntimeException {
        StoreFailure(String what, SQLException cause) {
            super("Cannot store " + what + ": " + cause.getMessage(), cause);
        }
    }
}
