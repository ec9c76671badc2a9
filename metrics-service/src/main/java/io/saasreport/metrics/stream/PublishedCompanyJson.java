package io.saasreport.metrics.stream;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.CompanySources;
import io.saasreport.metrics.domain.company.GrowthBucket;
import io.saasreport.metrics.domain.company.Revised;

/**
 * A company's {@code metrics.company} record, written field by field on the mapper's own generator: the same text
 * Jackson's data binding writes for {@link CompanyFigures} with its revision ({@link StreamJson#writePublished}),
 * without its reflective walk over a hundred properties, the boxing and the per-value serializer look-ups, which
 * took most of a publication's CPU time. The generator formats every value (the fast double writer, the escaping
 * of strings), so the text is the same byte for byte; {@code PublishedCompanyJsonTest} compares the two on random
 * and extreme figures. Fields in record-component order, nulls written, {@code growthBucket} after the figures, as
 * the annotations on {@link CompanyMetrics} and {@link CompanySources} make data binding write them.
 */
final class PublishedCompanyJson {

    private PublishedCompanyJson() {
    }

    static String write(Revised<CompanyFigures> company) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator json = StreamJson.MAPPER.getFactory().createGenerator(text)) {
            json.writeStartObject();
            metrics(json, company.value().metrics());
            json.writeFieldName("sources");
            sources(json, company.value().sources());
            json.writeNumberField("revision", company.revision());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the figures of " + company.value().metrics().ticker(), e);
        }
        return text.toString();
    }

    private static void metrics(JsonGenerator json, CompanyMetrics m) throws IOException {
        json.writeStringField("ticker", m.ticker());
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
        json.writeFieldName("figures");
        json.writeStartObject();
        for (Map.Entry<String, CompanySources.FigureSource> figure : s.figures().entrySet()) {
            json.writeFieldName(figure.getKey());
            CompanySources.FigureSource source = figure.getValue();
            if (source == null) {
                json.writeNull();
                continue;
            }
            json.writeStartObject();
            json.writeFieldName("uses");
            json.writeStartArray();
            for (String input : source.uses()) {
                json.writeString(input);
            }
            json.writeEndArray();
            string(json, "missing", source.missing());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void price(JsonGenerator json, String field, CompanySources.PriceSource price) throws IOException {
        json.writeFieldName(field);
        if (price == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("value", price.value());
        instant(json, "at", price.at());
        string(json, "eventId", price.eventId());
        json.writeEndObject();
    }

    private static void quarters(JsonGenerator json, String field, List<CompanySources.QuarterSource> quarters)
            throws IOException {
        json.writeFieldName(field);
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
        json.writeFieldName(field);
        quarter(json, quarter);
    }

    private static void quarter(JsonGenerator json, CompanySources.QuarterSource quarter) throws IOException {
        if (quarter == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("fiscalYear", quarter.fiscalYear());
        json.writeNumberField("fiscalQuarter", quarter.fiscalQuarter());
        date(json, "periodEnd", quarter.periodEnd());
        instant(json, "filedAt", quarter.filedAt());
        json.writeBooleanField("restatement", quarter.restatement());
        string(json, "eventId", quarter.eventId());
        json.writeEndObject();
    }

    private static void estimate(JsonGenerator json, CompanySources.EstimateSource estimate) throws IOException {
        json.writeFieldName("estimate");
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
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.doubleValue());
        }
    }

    private static void string(JsonGenerator json, String field, String value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    /** As the JavaTimeModule writes an instant with timestamps off: ISO-8601 ({@link Instant#toString}). */
    private static void instant(JsonGenerator json, String field, Instant value) throws IOException {
        string(json, field, value == null ? null : value.toString());
    }

    /** As the JavaTimeModule writes a date with timestamps off: ISO-8601 ({@link LocalDate#toString}). */
    private static void date(JsonGenerator json, String field, LocalDate value) throws IOException {
        string(json, field, value == null ? null : value.toString());
    }
}
