package io.saasreport.report.record;

import java.util.ArrayList;
import java.util.List;

/** A polled batch split into what can be stored (in offset order) and what cannot. */
public record Decoded<T>(List<Update<T>> updates, List<Unreadable> unreadable) {

    public Decoded() {
        this(new ArrayList<>(), new ArrayList<>());
    }
}
