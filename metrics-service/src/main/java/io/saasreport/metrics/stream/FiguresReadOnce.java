package io.saasreport.metrics.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;

/**
 * Every partition of the universe stage reads every company's figures (any universe may need any company), so an
 * instance running several of its tasks gets the same record once per partition. They share the last figures read
 * per ticker: the text is parsed once per instance and recognised by equality on the other partitions (the figures
 * are immutable values, safe to share between tasks).
 */
final class FiguresReadOnce {

    private record Read(String json, Revised<CompanyMetrics> figures) {
    }

    private final Map<String, Read> lastRead;

    FiguresReadOnce(int capacity) {
        this.lastRead = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The figures and revision published as {@code json} for {@code ticker}. */
    Revised<CompanyMetrics> read(String ticker, String json) {
        synchronized (lastRead) {
            Read read = lastRead.get(ticker);
            if (read != null && read.json().equals(json)) {
                return read.figures();
            }
        }
        Revised<CompanyMetrics> figures = StreamJson.readPublished(json, CompanyMetrics.class);
        synchronized (lastRead) {
            lastRead.put(ticker, new Read(json, figures));
        }
        return figures;
    }
}
