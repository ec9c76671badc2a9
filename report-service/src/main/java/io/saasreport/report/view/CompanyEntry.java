package io.saasreport.report.view;

import java.util.function.Function;

import io.saasreport.report.record.Version;
import io.saasreport.report.domain.CompanyMetrics;

/**
 * One company as the view holds it: its figures, how new they are, its answer serialized, and the value as published
 * (figures and their sources: the explanation reads the sources from it when asked).
 *
 * <p>The answer is serialized when first asked for, not when the figures arrive: a company's figures often change
 * several times between two requests for them, and each change is a new entry.
 */
public final class CompanyEntry {

    private final CompanyMetrics metrics;
    private final Version version;
    private final String payload;
    private final Function<CompanyMetrics, Rendered> renderer;
    /** Rendered once (a race renders the same bytes twice, harmlessly); Rendered is immutable but for its gzip cache. */
    private volatile Rendered json;

    CompanyEntry(CompanyMetrics metrics, Version version, String payload, Function<CompanyMetrics, Rendered> renderer) {
        this.metrics = metrics;
        this.version = version;
        this.payload = payload;
        this.renderer = renderer;
    }

    public CompanyMetrics metrics() {
        return metrics;
    }

    public Version version() {
        return version;
    }

    public String payload() {
        return payload;
    }

    /** The company's answer: its figures as the REST layer serializes them. */
    public Rendered json() {
        Rendered rendered = json;
        if (rendered == null) {
            rendered = renderer.apply(metrics);
            json = rendered;
        }
        return rendered;
    }
}
