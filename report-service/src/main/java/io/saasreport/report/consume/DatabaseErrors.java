package io.saasreport.report.consume;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database error that a record meets on every try from one that time may cure, by the SQLState of the first
 * {@link SQLException} in the chain that has one. Only classes 22 (data exception: a NUL in text, a number out of
 * range) and 23 (integrity constraint violation) are the record's own. Everything else is the database's and is
 * retried: a lost or refused connection (08), a shutdown (57P01), a statement timeout (57014), a serialization failure
 * or deadlock (40001, 40P01), a missing table (42P01), and an error without a state (the pool's acquisition timeout).
 */
public final class DatabaseErrors {

    private static final int LONGEST_REASON = 500;

    /** Why the database will never take the record, or empty when the error is transient. */
    public static Optional<String> permanent(Throwable failure) {
        SQLException decisive = decisive(failure);
        if (decisive == null) {
            return Optional.empty();
        }
        String state = decisive.getSQLState();
        if (!state.startsWith("22") && !state.startsWith("23")) {
            return Optional.empty();
        }
        String reason = "Refused by the database (SQLState " + state + "): " + decisive.getMessage();
        return Optional.of(reason.length() > LONGEST_REASON ? reason.substring(0, LONGEST_REASON) + "…" : reason);
    }

    /** The first SQLException with a state, through causes and a batch's next exceptions. */
    private static SQLException decisive(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null && (next == sql || seen.add(next)); next = next.getNextException()) {
                    if (next.getSQLState() != null) {
                        return next;
                    }
                }
            }
        }
        return null;
    }

    private DatabaseErrors() {
    }
}
