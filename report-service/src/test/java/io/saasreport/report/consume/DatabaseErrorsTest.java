package io.saasreport.report.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQLState decides, wherever the SQLException sits in the chain; only classes 22 and 23 are the record's. */
class DatabaseErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = { "22021", "22P05", "22001", "22003", "23505", "23502", "23514" })
    void dataExceptionsAndConstraintViolationsArePermanent(String state) {
        Optional<String> reason = DatabaseErrors.permanent(wrapped(new SQLException("refused", state)));

        assertTrue(reason.isPresent(), state);
        assertEquals("Refused by the database (SQLState " + state + "): refused", reason.get());
    }

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08006", "57P01", "57014", "40001", "40P01", "53300", "55P03", "42P01", "XX000" })
    void connectionShutdownTimeoutSerializationDeadlockAndSchemaErrorsAreTransient(String state) {
        assertEquals(Optional.empty(), DatabaseErrors.permanent(wrapped(new SQLException("failed", state))), state);
    }

    @Test
    void anErrorWithoutAStateOrWithoutAnSqlExceptionIsTransient() {
        assertEquals(Optional.empty(), DatabaseErrors.permanent(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(Optional.empty(), DatabaseErrors.permanent(new IllegalStateException("no SQL here")));
    }

    @Test
    void aBatchsStateIsReadFromItsNextExceptionWhenItHasNoneItself() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", (String) null, new int[0]);
        batch.setNextException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertEquals("Refused by the database (SQLState 22021): invalid byte sequence for encoding \"UTF8\": 0x00",
                DatabaseErrors.permanent(wrapped(batch)).orElseThrow());
    }

    @Test
    void aLongMessageIsCutToAHeaderSizedReason() {
        String reason = DatabaseErrors.permanent(new SQLException("x".repeat(10_000), "22001")).orElseThrow();

        assertEquals(501, reason.length());
    }

    /** As the writer meets it: the store's failure, in a transaction's exception. */
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("transaction rolled back", new RuntimeException("Cannot store companies", cause));
    }
}
