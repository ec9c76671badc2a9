package io.saasreport.report.support;

import java.math.BigInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.saasreport.report.view.ReportView;

/** Direct access to the report's tables, for tests: a clean slate, and the stored rows themselves. */
@ApplicationScoped
public class ReportDatabase {

    private final EntityManager entityManager;
    private final ReportView view;

    ReportDatabase(EntityManager entityManager, ReportView view) {
        this.entityManager = entityManager;
        this.view = view;
    }

    /**
     * Empties every table of the report and its in-memory view, so that a test sees only what it published. Waits
     * first for the writers to store what earlier tests published, so that none of it lands after the clean-up.
     */
    public void clear() {
        Upstream.awaitStored();
        truncate();
        view.clear();
    }

    @Transactional
    void truncate() {
        entityManager.createNativeQuery(
                "truncate company_snapshot, universe_snapshot, universe_history, company_history, company_filing,"
                        + " universe_alert, company_removal")
                .executeUpdate();
    }

    /** Reloads the in-memory view from the tables, as an instance does when it starts. */
    public void reloadView() {
        view.clear();
        view.load();
    }

    /** Runs one statement of DDL or DML (tests that take a table away from the writers). */
    @Transactional
    public void execute(String sql) {
        entityManager.createNativeQuery(sql).executeUpdate();
    }

    @Transactional
    public long rows(String table) {
        Object count = entityManager.createNativeQuery("select count(*) from " + table).getSingleResult();
        return ((Number) count).longValue();
    }

    /** One column of one row, by a native query returning a single value. */
    @Transactional
    public Object value(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        Object value = query.getSingleResult();
        return value instanceof BigInteger big ? big.longValue() : value;
    }
}
