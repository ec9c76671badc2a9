package io.saasreport.metrics.stream;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;

/**
 * A company's figures with their revision as the universe stage takes them: on the internal {@code universe-input}
 * topic and in its {@code universe-companies} store, where nobody but this topology reads them. Stage 1 wrote them
 * there as JSON, which each partition of the universe stage parsed again (an eighth of the stream thread's time);
 * these bytes are read without parsing, and hold the same values (a double's 64 bits, an instant's seconds and
 * nanoseconds), so the universes computed from them are the same.
 *
 * <p>Bytes: {@link #FORMAT} (never '{', the first byte of the JSON that came before), the revision (8), the ticker
 * and the name (each: length in UTF-8 bytes (4, -1 for a null name), the bytes), the {@code asOf} (seconds (8, {@link
 * Long#MIN_VALUE} when null), nanoseconds (4)), a bit per figure that is present (8, in
 * {@link CompanyMetrics#FIGURES} order), and each present figure (8).
 */
final class CompactFigures {

    static final byte FORMAT = 2;
    private static final long NO_INSTANT = Long.MIN_VALUE;
    private static final int FIGURES = CompanyMetrics.FIGURES.size();

    private CompactFigures() {
    }

    /** Whether the bytes are in this form (and not the JSON of before). */
    static boolean isCompact(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == FORMAT;
    }

    static byte[] write(Revised<CompanyMetrics> revised) {
        CompanyMetrics m = revised.value();
        Double[] figures = figures(m);
        byte[] ticker = m.ticker().getBytes(StandardCharsets.UTF_8);
        byte[] name = m.name() == null ? null : m.name().getBytes(StandardCharsets.UTF_8);
        long present = 0;
        int count = 0;
        for (int i = 0; i < FIGURES; i++) {
            if (figures[i] != null) {
                present |= 1L << i;
                count++;
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(1 + 8 + 4 + ticker.length + 4 + (name == null ? 0 : name.length)
                + 8 + 4 + 8 + 8 * count);
        bytes.put(FORMAT).putLong(revised.revision()).putInt(ticker.length).put(ticker);
        if (name == null) {
            bytes.putInt(-1);
        } else {
            bytes.putInt(name.length).put(name);
        }
        Instant asOf = m.asOf();
        bytes.putLong(asOf == null ? NO_INSTANT : asOf.getEpochSecond()).putInt(asOf == null ? 0 : asOf.getNano());
        bytes.putLong(present);
        for (Double figure : figures) {
            if (figure != null) {
                bytes.putDouble(figure);
            }
        }
        return bytes.array();
    }

    static Revised<CompanyMetrics> read(byte[] value) {
        if (!isCompact(value)) {
            throw new IllegalArgumentException("not compact figures: unknown format");
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(value, 1, value.length - 1);
            long revision = bytes.getLong();
            String ticker = string(bytes, bytes.getInt());
            String name = string(bytes, bytes.getInt());
            long seconds = bytes.getLong();
            int nanos = bytes.getInt();
            Instant asOf = seconds == NO_INSTANT ? null : Instant.ofEpochSecond(seconds, nanos);
            long present = bytes.getLong();
            Double[] f = new Double[FIGURES];
            for (int i = 0; i < FIGURES; i++) {
                if ((present & (1L << i)) != 0) {
                    f[i] = bytes.getDouble();
                }
            }
            if (bytes.hasRemaining()) {
                throw new IllegalArgumentException("compact figures of " + ticker + " with " + bytes.remaining()
                        + " bytes too many");
            }
            return new Revised<>(new CompanyMetrics(ticker, name, asOf, f[0], f[1], f[2], f[3], f[4], f[5], f[6],
                    f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15], f[16], f[17], f[18], f[19], f[20],
                    f[21], f[22], f[23], f[24], f[25], f[26], f[27]), revision);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated compact figures (" + value.length + " bytes)", e);
        }
    }

    /** The figures in {@link CompanyMetrics#FIGURES} order. */
    private static Double[] figures(CompanyMetrics m) {
        return new Double[] {m.price(), m.sharesOutstanding(), m.cash(), m.debt(), m.marketCap(), m.enterpriseValue(),
                m.ltmRevenue(), m.ltmGrowth(), m.ntmRevenue(), m.ntmFcf(), m.ntmGrowth(), m.evToNtmRevenue(),
                m.growthAdjustedMultiple(), m.evToNtmFcf(), m.grossMargin(), m.operatingMargin(), m.fcfMargin(),
                m.salesMarketingPct(), m.researchDevelopmentPct(), m.generalAdministrativePct(), m.ntmFcfMargin(),
                m.ruleOf40Ltm(), m.ruleOf40Ntm(), m.netRevenueRetention(), m.impliedArr(), m.netNewArr(),
                m.gmAdjustedPaybackMonths(), m.weeklyPriceChange()};
    }

    private static String string(ByteBuffer bytes, int length) {
        if (length == -1) {
            return null;
        }
        if (length < 0) {
            throw new IllegalArgumentException("compact figures with a string of length " + length);
        }
        String text = new String(bytes.array(), bytes.arrayOffset() + bytes.position(), length,
                StandardCharsets.UTF_8);
        bytes.position(bytes.position() + length);
        return text;
    }
}
