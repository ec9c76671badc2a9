package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.CompanySources;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.MarketEvent;

/**
 * Stage 1 writes a company's {@code metrics.company} record field by field ({@link PublishedCompanyJson}): byte for
 * byte what Jackson's data binding writes for the same figures with their revision ({@link StreamJson#writePublished}),
 * on the figures the engine computes and on random ones no engine would: nulls anywhere, extreme doubles (the
 * largest, the smallest subnormal, -0.0, integral values), instants and dates far in the past and future with
 * nanoseconds, names and ids with control characters, quotes, backslashes, non-ASCII letters, surrogate pairs and
 * line separators, a long name.
 */
class PublishedCompanyJsonTest {

    private static final double[] EXTREMES = {0.0, -0.0, 1.0, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.MIN_VALUE, Double.MIN_NORMAL, 1e21, 1e-7, 123456789012345678.0, 0.1 + 0.2, 2.5e-300};
    private static final String[] CHARACTERS = {"a", "Z", "0", " ", "\"", "\\", "/", "é", "ß", "中", "😀", "\u2028",
            "\u0000", "\u0001", "\u001f", "\n", "\t", "\u007f", "\u00a0", "<", "&", "'"};
    private static final Instant[] INSTANTS = {Instant.parse("2026-11-20T21:00:00Z"), Instant.EPOCH,
            Instant.parse("2026-11-20T21:00:00.000000001Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-30T12:00:00.5Z"), Instant.MAX,
            Instant.MIN, Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.999Z"),
            Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("2026-01-01T00:00:00.010Z"),
            Instant.parse("2026-01-01T00:00:00.000100Z")};

    @Test
    void theEnginesFiguresAreWrittenAsDataBindingWritesThem() throws Exception {
        RandomEvents events = new RandomEvents(5, List.of("AAA", "BBB", "CCC"));
        Map<String, RevisedCompany> companies = new HashMap<>();
        int compared = 0;
        for (int i = 0; i < 3_000; i++) {
            MarketEvent event = StreamJson.MAPPER.readValue(events.next(), MarketEvent.class);
            if (!(event instanceof CompanyScopedEvent companyEvent)) {
                continue;
            }
            RevisedCompany company = companies.computeIfAbsent(companyEvent.ticker(), RevisedCompany::unknown);
            company.apply(companyEvent);
            Revised<CompanyFigures> figures = company.current().orElseThrow();

            assertEquals(StreamJson.writePublished(figures), published(figures));
            compared++;
        }
        assertTrue(compared > 2_000, "compared " + compared);
    }

    @Test
    void randomAndExtremeFiguresAreWrittenAsDataBindingWritesThem() {
        Random random = new Random(25);
        for (int i = 0; i < 5_000; i++) {
            Revised<CompanyFigures> figures = new Revised<>(
                    new CompanyFigures(metrics(random), sources(random)), 1 + random.nextLong(Long.MAX_VALUE));

            assertEquals(StreamJson.writePublished(figures), published(figures), "figures number " + i);
        }
    }

    @Test
    void theFigureSourcesWrittenOnceAreBounded() {
        for (int i = 0; i < 3 * PublishedCompanyJson.FIGURE_SOURCES_HELD; i++) {
            CompanySources sources = new CompanySources(null, null, null, null, null, null, null,
                    Map.of("price", new CompanySources.FigureSource(List.of(CompanySources.PRICE), "reason " + i)));
            Revised<CompanyFigures> figures = new Revised<>(new CompanyFigures(metrics(new Random(i)), sources), 1);

            assertEquals(StreamJson.writePublished(figures), published(figures));
            assertTrue(PublishedCompanyJson.figureSourcesHeld() <= PublishedCompanyJson.FIGURE_SOURCES_HELD);
        }
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsWrittenAsItsFourUtf8Bytes() {
        CompanyMetrics metrics = metrics(new Random(1));
        Revised<CompanyFigures> figures = new Revised<>(new CompanyFigures(new CompanyMetrics(metrics.ticker(),
                "Smile \uD83D\uDE00 Inc", metrics.asOf(), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                new CompanySources(null, null, null, null, null, null, null, Map.of())), 7);

        byte[] written = StreamJson.writePublishedCompany(figures);

        assertArrayEquals(StreamJson.writePublished(figures).getBytes(StandardCharsets.UTF_8), written);
        String text = new String(written, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("Smile \u00f0\u009f\u0098\u0080 Inc"), "U+1F600 as F0 9F 98 80");
    }

    /**
     * The record's value as text: the writer gives UTF-8, whose decoding is compared with the data-binding text (the
     * same text decodes only from the same valid UTF-8).
     */
    private static String published(Revised<CompanyFigures> figures) {
        return new String(StreamJson.writePublishedCompany(figures), StandardCharsets.UTF_8);
    }

    /** Random figures of every kind, for this test and {@code CompactFiguresTest}. */
    static CompanyMetrics metrics(Random random) {
        Double[] f = new Double[CompanyMetrics.FIGURES.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = number(random);
        }
        String ticker = random.nextInt(4) == 0 ? text(random, 1 + random.nextInt(8)) + "X" : "T" + random.nextInt(999);
        return new CompanyMetrics(ticker, random.nextInt(5) == 0 ? null : text(random, random.nextInt(
                random.nextInt(50) == 0 ? 5_000 : 30)), random.nextInt(5) == 0 ? null : instant(random),
                f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15],
                f[16], f[17], f[18], f[19], f[20], f[21], f[22], f[23], f[24], f[25], f[26], f[27]);
    }

    private static CompanySources sources(Random random) {
        Map<String, CompanySources.FigureSource> figures = new LinkedHashMap<>();
        for (String name : CompanyMetrics.FIGURES) {
            if (random.nextInt(10) > 0) {
                List<String> uses = new ArrayList<>();
                for (int u = random.nextInt(4); u > 0; u--) {
                    uses.add(random.nextBoolean() ? CompanySources.LATEST_QUARTER : text(random, 6));
                }
                figures.put(random.nextInt(20) == 0 ? text(random, 5) : name,
                        new CompanySources.FigureSource(uses, maybe(random, () -> text(random, 40))));
            }
        }
        return new CompanySources(maybe(random, () -> price(random)), maybe(random, () -> price(random)),
                maybe(random, () -> quarter(random)), maybe(random, () -> quarter(random)),
                maybe(random, () -> quarters(random)), maybe(random, () -> quarters(random)),
                maybe(random, () -> new CompanySources.EstimateSource(maybe(random, () -> instant(random)),
                        maybe(random, () -> text(random, 12)), number(random), number(random), number(random),
                        number(random), number(random), number(random), maybe(random, () -> date(random)),
                        number(random))),
                figures);
    }

    private static CompanySources.PriceSource price(Random random) {
        Double value = number(random);
        return new CompanySources.PriceSource(value == null ? 0.0 : value, maybe(random, () -> instant(random)),
                maybe(random, () -> text(random, 36)));
    }

    private static List<CompanySources.QuarterSource> quarters(Random random) {
        List<CompanySources.QuarterSource> quarters = new ArrayList<>();
        for (int q = random.nextInt(5); q > 0; q--) {
            quarters.add(quarter(random));
        }
        return quarters;
    }

    private static CompanySources.QuarterSource quarter(Random random) {
        return new CompanySources.QuarterSource(random.nextInt(), random.nextInt(9) - 4,
                maybe(random, () -> date(random)), maybe(random, () -> instant(random)), random.nextBoolean(),
                maybe(random, () -> text(random, 20)));
    }

    private static Double number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> EXTREMES[random.nextInt(EXTREMES.length)];
            case 2 -> (double) (random.nextInt(2_000_001) - 1_000_000);
            case 3 -> finiteOr(Double.longBitsToDouble(random.nextLong()), 7.5);
            default -> (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(30) - 10);
        };
    }

    private static double finiteOr(double value, double otherwise) {
        return Double.isFinite(value) ? value : otherwise;
    }

    private static Instant instant(Random random) {
        if (random.nextBoolean()) {
            return INSTANTS[random.nextInt(INSTANTS.length)];
        }
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        // Years -100 to 10,100: both sides of the four-digit years.
        return Instant.ofEpochSecond(random.nextLong(-65_000_000_000L, 256_600_000_000L), nanos);
    }

    private static LocalDate date(Random random) {
        return random.nextInt(10) == 0 ? (random.nextBoolean() ? LocalDate.MAX : LocalDate.MIN)
                : LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000));
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? CHARACTERS[random.nextInt(CHARACTERS.length)]
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static <T> T maybe(Random random, java.util.function.Supplier<T> value) {
        return random.nextInt(6) == 0 ? null : value.get();
    }
}
