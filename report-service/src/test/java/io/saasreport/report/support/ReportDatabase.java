package io.saasreport.report.support;

import java.math.BigInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Direct access to the report's tables, for tests: a clean slate, and the stored rows themselves. */
@ApplicationScoped
public class ReportDatabase {

    private final EntityManager entityManager;

    ReportDatabase(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Empties every table of the report, so that a test sees only what it published. */
    @Transactional
    public void clear() {
        entityManager.createNativeQuery(
                "truncate company_snapshot, universe_snapshot, universe_history, company_history, company_filing")
                .executeUpdate();
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
