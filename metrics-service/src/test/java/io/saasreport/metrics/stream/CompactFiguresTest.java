package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;

/**
 * The universe stage's figures read back as they were written: every figure in its place (each distinct), a null
 * where there was one, a double's bits (-0.0, the extremes), an instant to the nanosecond, any name; and the same
 * values the published JSON read back gives, which is what the stage read before.
 */
class CompactFiguresTest {

    @Test
    void figuresReadBackAsWritten() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            Revised<CompanyMetrics> figures = new Revised<>(PublishedCompanyJsonTest.metrics(random),
                    1 + random.nextLong(Long.MAX_VALUE));

            Revised<CompanyMetrics> read = CompactFigures.read(CompactFigures.write(figures));

            assertEquals(figures, read);
            for (int f = 0; f < CompanyMetrics.FIGURES.size(); f++) {
                assertEquals(bits(figure(figures, f)), bits(figure(read, f)), CompanyMetrics.FIGURES.get(f));
            }
        }
    }

    @Test
    void eachFigureKeepsItsPlace() {
        Double[] distinct = new Double[CompanyMetrics.FIGURES.size()];
        Arrays.setAll(distinct, i -> i + 0.5);
        CompanyMetrics metrics = new CompanyMetrics("ACME", "Acme", null, distinct[0], distinct[1], distinct[2],
                distinct[3], distinct[4], distinct[5], distinct[6], distinct[7], distinct[8], distinct[9], distinct[10],
                distinct[11], distinct[12], distinct[13], distinct[14], distinct[15], distinct[16], distinct[17],
                distinct[18], distinct[19], distinct[20], distinct[21], distinct[22], distinct[23], distinct[24],
                distinct[25], distinct[26], distinct[27]);

        Revised<CompanyMetrics> read = CompactFigures.read(CompactFigures.write(new Revised<>(metrics, 3)));

        for (int f = 0; f < distinct.length; f++) {
            assertEquals(f + 0.5, figure(read, f), CompanyMetrics.FIGURES.get(f));
        }
    }

    @Test
    void theValuesAreThoseThePublishedJsonGave() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            Revised<CompanyMetrics> figures = new Revised<>(PublishedCompanyJsonTest.metrics(random), 1 + i);

            assertEquals(StreamJson.readPublished(StreamJson.writePublished(figures), CompanyMetrics.class),
                    CompactFigures.read(CompactFigures.write(figures)));
        }
    }

    @Test
    void otherBytesAreRefused() {
        byte[] written = CompactFigures.write(new Revised<>(PublishedCompanyJsonTest.metrics(new Random(1)), 1));

        assertThrows(IllegalArgumentException.class, () -> CompactFigures.read(new byte[] {'{', '}'}));
        assertThrows(IllegalArgumentException.class, () -> CompactFigures.read(new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> CompactFigures.read(Arrays.copyOf(written, written.length - 1)));
        assertThrows(IllegalArgumentException.class,
                () -> CompactFigures.read(Arrays.copyOf(written, written.length + 1)));
    }

    private static Double figure(Revised<CompanyMetrics> figures, int index) {
        try {
            return (Double) CompanyMetrics.class.getMethod(CompanyMetrics.FIGURES.get(index)).invoke(figures.value());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Long bits(Double value) {
        return value == null ? null : Double.doubleToRawLongBits(value);
    }
}
