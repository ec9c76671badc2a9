package io.saasreport.metrics.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.CompanySources;
import io.saasreport.metrics.domain.company.GrowthBucket;
import io.saasreport.metrics.domain.company.Revised;

/**
 * A company's {@code metrics.company} record, written field by field on the mapper's own generator: the same text
 * Jackson's data binding writes for {@link CompanyFigures} with its revision ({@link StreamJson#writePublished}),
 * without its reflective walk over a hundred properties, its boxing and its per-value serializer look-ups, and with
 * what repeats from record to record done once (escaped names, each figure's sources). Writing the JSON was the
 * largest part of a publication. The generator formats every value (the fast double writer, the escaping of
 * strings), so the text is the same byte for byte; {@code PublishedCompanyJsonTest} compares the two on random
 * and extreme figures. Fields in record-component order, nulls written, {@code growthBucket} after the figures, as
 * the annotations on {@link CompanyMetrics} and {@link CompanySources} make data binding write them. It is written
 * straight to UTF-8, as the topic carries it (the text as a {@code String} first, then its bytes, allocated more per
 * record; docs/performance.md): a character outside the BMP as its four UTF-8 bytes, as the text's encoding gives it.
 */
final class PublishedCompanyJson {

    private static final long YEAR_0000 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    /**
     * The records' field names and the figures' input names, escaped once: written with a copy instead of a check
     * of every character. Found by identity first: the names in this class and the domain's are the same interned
     * strings (no hashing); another string equal to one of them by equality.
     */
    private static final Map<String, SerializedString> KNOWN = known();
    private static final Map<String, SerializedString> KNOWN_INSTANCES = new IdentityHashMap<>();

    static {
        KNOWN.forEach((name, escaped) -> KNOWN_INSTANCES.put(name.intern(), escaped));
    }

    /**
     * Each figure's inputs and reason, as JSON: most of a record's text, and the same few dozen values for every
     * company and commit (a reason naming a date varies more), so they are written once and copied (their UTF-8
     * bytes kept beside them); emptied when full, so that reasons of passing dates cannot grow it without bound.
     */
    private static final Map<CompanySources.FigureSource, SerializedString> FIGURE_SOURCES = new ConcurrentHashMap<>();
    static final int FIGURE_SOURCES_HELD = 4_096;

    private PublishedCompanyJson() {
    }

    /** The record's value: its JSON in UTF-8. */
    static byte[] write(Revised<CompanyFigures> company) {
        return utf8(json -> {
            json.writeStartObject();
            metrics(json, company.value().metrics());
            field(json, "sources");
            sources(json, company.value().sources());
            field(json, "revision");
            json.writeNumber(company.revision());
            json.writeEndObject();
        }, company.value().metrics().ticker());
    }

    /** What a generator writes. */
    private interface Writing {
        void to(JsonGenerator json) throws IOException;
    }

    /**
     * What a generator writes, in UTF-8. The generator fills its own recycled buffer (8,000 bytes) and hands it on
     * when full or closed, so a record shorter than that is copied once, into an array of its length.
     */
    private static byte[] utf8(Writing writing, String ticker) {
        Utf8Bytes bytes = new Utf8Bytes();
        try (JsonGenerator json = StreamJson.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            // A surrogate pair as the character's four bytes (String.getBytes' form), not as two escaped halves.
            json.enable(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
            writing.to(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the figures of " + ticker, e);
        }
        return bytes.written;
    }

    /** The bytes written, in one array of their length (a ByteArrayBuilder would grow blocks, then join them). */
    private static final class Utf8Bytes extends OutputStream {
        private byte[] written = new byte[0];

        @Override
        public void write(byte[] from, int offset, int length) {
            byte[] joined = Arrays.copyOf(written, written.length + length);
            System.arraycopy(from, offset, joined, written.length, length);
            written = joined;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    private static Map<String, SerializedString> known() {
        Map<String, SerializedString> known = new HashMap<>();
        Stream.of(CompanyMetrics.class, CompanySources.class, CompanySources.PriceSource.class,
                        CompanySources.QuarterSource.class, CompanySources.EstimateSource.class,
                        CompanySources.FigureSource.class)
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .map(RecordComponent::getName)
                .forEach(name -> known.put(name, new SerializedString(name)));
        Stream.of("growthBucket", "sources", "revision", CompanySources.PRICE, CompanySources.WEEKLY_REFERENCE,
                        CompanySources.LATEST_QUARTER, CompanySources.PREVIOUS_QUARTER, CompanySources.LTM_QUARTERS,
                        CompanySources.PRIOR_LTM_QUARTERS, CompanySources.ESTIMATE)
                .forEach(name -> known.put(name, new SerializedString(name)));
        return Map.copyOf(known);
    }

    private static void metrics(JsonGenerator json, CompanyMetrics m) throws IOException {
        string(json, "ticker", m.ticker());
        string(json, "name", m.name());
        instant(json, "asOf", m.asOf());
        number(json, "price", m.price());
        number(json, "sharesOutstanding", m.sharesOutstanding());
        number(json, "cash", m.cash());
        number(json, "debt", m.debt());
        number(json, "marketCap", m.marketCap());
        number(json, "enterpriseValue", m.enterpriseValue());
        number(json, "ltmRevenue", m.ltmRevenue());
        number(json, "ltmGrowth", m.ltmGrowth());
        number(json, "ntmRevenue", m.ntmRevenue());
        number(json, "ntmFcf", m.ntmFcf());
        number(json, "ntmGrowth", m.ntmGrowth());
        number(json, "evToNtmRevenue", m.evToNtmRevenue());
        number(json, "growthAdjustedMultiple", m.growthAdjustedMultiple());
        number(json, "evToNtmFcf", m.evToNtmFcf());
        number(json, "grossMargin", m.grossMargin());
        number(json, "operatingMargin", m.operatingMargin());
        number(json, "fcfMargin", m.fcfMargin());
        number(json, "salesMarketingPct", m.salesMarketingPct());
        number(json, "researchDevelopmentPct", m.researchDevelopmentPct());
        number(json, "generalAdministrativePct", m.generalAdministrativePct());
        number(json, "ntmFcfMargin", m.ntmFcfMargin());
        number(json, "ruleOf40Ltm", m.ruleOf40Ltm());
        number(json, "ruleOf40Ntm", m.ruleOf40Ntm());
        number(json, "netRevenueRetention", m.netRevenueRetention());
        number(json, "impliedArr", m.impliedArr());
        number(json, "netNewArr", m.netNewArr());
        number(json, "gmAdjustedPaybackMonths", m.gmAdjustedPaybackMonths());
        number(json, "weeklyPriceChange", m.weeklyPriceChange());
        GrowthBucket bucket = m.growthBucket();
        string(json, "growthBucket", bucket == null ? null : bucket.wireName());
    }

    private static void sources(JsonGenerator json, CompanySources s) throws IOException {
        json.writeStartObject();
        price(json, "price", s.price());
        price(json, "weeklyReference", s.weeklyReference());
        quarter(json, "latestQuarter", s.latestQuarter());
        quarter(json, "previousQuarter", s.previousQuarter());
        quarters(json, "ltmQuarters", s.ltmQuarters());
        quarters(json, "priorLtmQuarters", s.priorLtmQuarters());
        estimate(json, s.estimate());
        field(json, "figures");
        json.writeStartObject();
        for (Map.Entry<String, CompanySources.FigureSource> figure : s.figures().entrySet()) {
            field(json, figure.getKey());
            CompanySources.FigureSource source = figure.getValue();
            if (source == null) {
                json.writeNull();
                continue;
            }
            json.writeRawValue(figureSource(source));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    static int figureSourcesHeld() {
        return FIGURE_SOURCES.size();
    }

    /** A figure's inputs and reason as JSON: written once, then copied. */
    private static SerializedString figureSource(CompanySources.FigureSource source) {
        SerializedString written = FIGURE_SOURCES.get(source);
        if (written == null) {
            written = new SerializedString(new String(utf8(json -> {
                json.writeStartObject();
                field(json, "uses");
                json.writeStartArray();
                for (String input : source.uses()) {
                    SerializedString known = known(input);
                    if (known != null) {
                        json.writeString(known);
                    } else {
                        json.writeString(input);
                    }
                }
                json.writeEndArray();
                string(json, "missing", source.missing());
                json.writeEndObject();
            }, "a figure"), StandardCharsets.UTF_8));
            if (FIGURE_SOURCES.size() >= FIGURE_SOURCES_HELD) {
                FIGURE_SOURCES.clear();
            }
            FIGURE_SOURCES.put(source, written);
        }
        return written;
    }

    private static void price(JsonGenerator json, String field, CompanySources.PriceSource price) throws IOException {
        field(json, field);
        if (price == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        field(json, "value");
        json.writeNumber(price.value());
        instant(json, "at", price.at());
        string(json, "eventId", price.eventId());
        json.writeEndObject();
    }

    private static void quarters(JsonGenerator json, String field, List<CompanySources.QuarterSource> quarters)
            throws IOException {
        field(json, field);
        if (quarters == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (CompanySources.QuarterSource quarter : quarters) {
            quarter(json, quarter);
        }
        json.writeEndArray();
    }

    private static void quarter(JsonGenerator json, String field, CompanySources.QuarterSource quarter)
            throws IOException {
        field(json, field);
        quarter(json, quarter);
    }

    private static void quarter(JsonGenerator json, CompanySources.QuarterSource quarter) throws IOException {
        if (quarter == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        field(json, "fiscalYear");
        json.writeNumber(quarter.fiscalYear());
        field(json, "fiscalQuarter");
        json.writeNumber(quarter.fiscalQuarter());
        date(json, "periodEnd", quarter.periodEnd());
        instant(json, "filedAt", quarter.filedAt());
        field(json, "restatement");
        json.writeBoolean(quarter.restatement());
        string(json, "eventId", quarter.eventId());
        json.writeEndObject();
    }

    private static void estimate(JsonGenerator json, CompanySources.EstimateSource estimate) throws IOException {
        field(json, "estimate");
        if (estimate == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        instant(json, "asOf", estimate.asOf());
        string(json, "eventId", estimate.eventId());
        number(json, "ntmRevenue", estimate.ntmRevenue());
        number(json, "ntmFcf", estimate.ntmFcf());
        number(json, "fy1Revenue", estimate.fy1Revenue());
        number(json, "fy2Revenue", estimate.fy2Revenue());
        number(json, "fy1Fcf", estimate.fy1Fcf());
        number(json, "fy2Fcf", estimate.fy2Fcf());
        date(json, "fy1End", estimate.fy1End());
        number(json, "blendWeight", estimate.blendWeight());
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String field, Double value) throws IOException {
        field(json, field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.doubleValue());
        }
    }

    private static void string(JsonGenerator json, String field, String value) throws IOException {
        field(json, field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    /** A field's name: pre-escaped when it is one of the records' (as data binding keeps them). */
    private static void field(JsonGenerator json, String name) throws IOException {
        SerializedString known = known(name);
        if (known != null) {
            json.writeFieldName(known);
        } else {
            json.writeFieldName(name);
        }
    }

    private static SerializedString known(String name) {
        SerializedString known = KNOWN_INSTANCES.get(name);
        return known != null ? known : KNOWN.get(name);
    }

    /**
     * As the JavaTimeModule writes an instant with timestamps off: ISO-8601 as {@link Instant#toString} writes it,
     * the fraction in groups of three digits, as many as it needs. Years 0000–9999 are written here without a
     * formatter (a company's record has a dozen instants); others, as {@link Instant#toString} writes them.
     */
    private static void instant(JsonGenerator json, String field, Instant value) throws IOException {
        field(json, field);
        if (value == null) {
            json.writeNull();
        } else if (value.getEpochSecond() < YEAR_0000 || value.getEpochSecond() >= YEAR_10000) {
            json.writeString(value.toString());
        } else {
            char[] text = new char[30];
            LocalDateTime time = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
            int at = digits(text, 0, time.getYear(), 4);
            text[at++] = '-';
            at = digits(text, at, time.getMonthValue(), 2);
            text[at++] = '-';
            at = digits(text, at, time.getDayOfMonth(), 2);
            text[at++] = 'T';
            at = digits(text, at, time.getHour(), 2);
            text[at++] = ':';
            at = digits(text, at, time.getMinute(), 2);
            text[at++] = ':';
            at = digits(text, at, time.getSecond(), 2);
            int nano = value.getNano();
            if (nano != 0) {
                text[at++] = '.';
                if (nano % 1_000_000 == 0) {
                    at = digits(text, at, nano / 1_000_000, 3);
                } else if (nano % 1_000 == 0) {
                    at = digits(text, at, nano / 1_000, 6);
                } else {
                    at = digits(text, at, nano, 9);
                }
            }
            text[at++] = 'Z';
            json.writeString(text, 0, at);
        }
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code at}; returns the index after them. */
    private static int digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** As the JavaTimeModule writes a date with timestamps off: ISO-8601 ({@link LocalDate#toString}). */
    private static void date(JsonGenerator json, String field, LocalDate value) throws IOException {
        string(json, field, value == null ? null : value.toString());
    }
}
