package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.PriceEvent;

class FiguresReadOnceTest {

    @Test
    void theSameBytesAreReadOnceAndChangedOnesAgain() {
        FiguresReadOnce reads = new FiguresReadOnce(10);
        byte[] first = published("ACME", 10.0);
        byte[] second = published("ACME", 11.0);

        Revised<CompanyMetrics> read = reads.read("ACME", first);
        assertSame(read, reads.read("ACME", first.clone()), "equal bytes are the figures read before");
        Revised<CompanyMetrics> changed = reads.read("ACME", second);

        assertEquals(CompactFigures.read(first), read);
        assertEquals(CompactFigures.read(second), changed);
        assertEquals(11.0, changed.value().price());
    }

    @Test
    void beyondCapacityTheLeastRecentlyReadAreReadAgain() {
        FiguresReadOnce reads = new FiguresReadOnce(2);
        byte[] a = published("AAA", 1.0);
        Revised<CompanyMetrics> readA = reads.read("AAA", a);
        reads.read("BBB", published("BBB", 2.0));
        reads.read("CCC", published("CCC", 3.0));

        Revised<CompanyMetrics> again = reads.read("AAA", a);

        assertNotSame(readA, again);
        assertEquals(readA, again);
    }

    private static byte[] published(String ticker, double price) {
        RevisedCompany company = RevisedCompany.unknown(ticker);
        company.apply(new PriceEvent(ticker, price, Instant.parse("2026-11-20T21:00:00Z")));
        var figures = company.current().orElseThrow();
        return CompactFigures.write(new Revised<>(figures.value().metrics(), figures.revision()));
    }
}
