package io.saasreport.ingest.domain;

/** Where an event sits in a request: its index in a JSON array (0 for a single object) or its line (from 1). */
public record Position(Integer index, Integer line) {

    public static Position index(int index) {
        return new Position(index, null);
    }

    public static Position line(int line) {
        return new Position(null, line);
    }
}
