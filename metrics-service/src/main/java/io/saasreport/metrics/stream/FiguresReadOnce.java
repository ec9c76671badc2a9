package io.saasreport.metrics.stream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;

/**
 * Every partition of the universe stage reads every company's figures (any universe may need any company), so an
 * instance running several of its tasks gets the same record once per partition. They share the last figures read
 * per ticker: the bytes are read once per instance and recognised by equality on the other partitions, and the
 * tasks hold one copy of the figures (immutable values, safe to share between tasks).
 */
final class FiguresReadOnce {

    private record Read(byte[] compact, Revised<CompanyMetrics> figures) {
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

    /** The figures and revision written as {@code compact} ({@link CompactFigures}) for {@code ticker}. */
    Revised<CompanyMetrics> read(String ticker, byte[] compact) {
        synchronized (lastRead) {
            Read read = lastRead.get(ticker);
            if (read != null && Arrays.equals(read.compact(), compact)) {
                return read.figures();
            }
        }
        Revised<CompanyMetrics> figures = CompactFigures.read(compact);
        synchronized (lastRead) {
            lastRead.put(ticker, new Read(compact, figures));
        }
        return figures;
    }
}
