package io.saasreport.ingest.feed;

import java.io.IOException;
import java.util.stream.Collectors;

import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.service.EventReader;

/** Why a document could not be used, in one line for the feeds' status: the importer's own words where it refused. */
final class Failures {

    private static final int ERRORS_SHOWN = 3;

    static String describe(Exception failure) {
        if (failure instanceof RejectedRequestException rejected) {
            String errors = rejected.errors().stream().limit(ERRORS_SHOWN).map(Failures::describe)
                    .collect(Collectors.joining("; "));
            String more = rejected.errors().size() > ERRORS_SHOWN
                    ? "; and " + (rejected.errors().size() - ERRORS_SHOWN) + " more" : "";
            return rejected.reason().tag() + ": " + rejected.getMessage() + (errors.isEmpty() ? "" : " (" + errors + more + ")");
        }
        if (failure instanceof IOException io) {
            return "not valid JSON: " + EventReader.describe(io);
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static String describe(EventError error) {
        String where = error.line() != null ? "line " + error.line() : error.index() != null ? "#" + error.index() : "";
        String field = error.field() != null ? error.field() + " " : "";
        return (where.isEmpty() ? "" : where + ", ") + field + error.message();
    }

    private Failures() {
    }
}
