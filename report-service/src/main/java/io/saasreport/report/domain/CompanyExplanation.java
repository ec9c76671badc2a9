package io.saasreport.report.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every figure of a company with its definition and the inputs it was computed from, as the metrics service
 * published them ({@link CompanySources}): the report renders, it decides nothing about the figures.
 */
@Schema(name = "CompanyExplanation", description = "Each figure of one company: its value, its definition, the inputs it used, "
        + "and for a null figure which input is missing.")
public record CompanyExplanation(
        @Schema(required = true) String ticker,
        @Schema(nullable = true) String name,
        @Schema(required = true) Instant asOf,
        @Schema(description = "In the order of the companies table") List<FigureExplanation> figures,
        @Schema(description = "The inputs as published; null for figures published without them (before sources existed)",
                nullable = true) CompanySources sources) {

    @Schema(name = "FigureExplanation")
    public record FigureExplanation(
            @Schema(description = "Field name in CompanyMetrics", examples = "evToNtmRevenue") String figure,
            @Schema(nullable = true) Double value,
            @Schema(description = "The definition in words (the specification's)") String definition,
            @Schema(description = "The inputs it is computed from, described") List<InputUsed> inputs,
            @Schema(description = "Why the figure is null; null when it has a value", nullable = true) String missing) {
    }

    @Schema(name = "InputUsed")
    public record InputUsed(
            @Schema(description = "Name of the input in CompanySources", examples = "latestQuarter") String input,
            @Schema(description = "The input in words", examples = "Q0: FY2026 Q1 (period end 2026-10-11), filed 2026-11-15T21:05:00Z, a restatement; event 0b4f…")
            String description) {
    }

    public static CompanyExplanation of(CompanyMetrics metrics, CompanySources sources) {
        List<FigureExplanation> figures = new ArrayList<>();
        for (CompanyField field : CompanyField.FIGURES) {
            Double value = (Double) field.valueOf(metrics);
            CompanySources.FigureSource source = sources == null ? null : sources.figures().get(field.name());
            List<InputUsed> inputs = source == null ? List.of()
                    : source.uses().stream().map(input -> new InputUsed(input, describe(input, sources))).toList();
            String missing = value != null ? null
                    : source == null ? "the metrics service published this figure without its sources"
                    : source.missing();
            figures.add(new FigureExplanation(field.name(), value, MetricDefinitions.of(field.name()), inputs, missing));
        }
        return new CompanyExplanation(metrics.ticker(), metrics.name(), metrics.asOf(), figures, sources);
    }

    private static String describe(String input, CompanySources sources) {
        String described = switch (input) {
            case "price" -> price("latest price", sources.price());
            case "weeklyReference" -> price("weekly reference price", sources.weeklyReference());
            case "latestQuarter" -> quarter("Q0", sources.latestQuarter());
            case "previousQuarter" -> quarter("Q1", sources.previousQuarter());
            case "ltmQuarters" -> quarters("LTM", sources.ltmQuarters());
            case "priorLtmQuarters" -> quarters("prior LTM", sources.priorLtmQuarters());
            case "estimate" -> estimate(sources.estimate());
            default -> null;
        };
        return described != null ? described : input + ": not held";
    }

    private static String price(String what, CompanySources.PriceSource price) {
        return price == null ? null : what + " " + number(price.value()) + " at " + price.at() + event(price.eventId());
    }

    private static String quarter(String what, CompanySources.QuarterSource quarter) {
        return quarter == null ? null : what + ": " + quarter.label()
                + (quarter.periodEnd() == null ? "" : " (period end " + quarter.periodEnd() + ")")
                + ", filed " + quarter.filedAt() + (quarter.restatement() ? ", a restatement" : "") + event(quarter.eventId());
    }

    private static String quarters(String what, List<CompanySources.QuarterSource> quarters) {
        return quarters == null ? null : what + ": " + quarters.stream()
                .map(quarter -> quarter.label() + (quarter.restatement() ? " (restated)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String estimate(CompanySources.EstimateSource estimate) {
        if (estimate == null) {
            return null;
        }
        StringBuilder text = new StringBuilder("estimate as of ").append(estimate.asOf()).append(':');
        List<String> parts = new ArrayList<>();
        if (estimate.ntmRevenue() != null) {
            parts.add(" NTM revenue " + number(estimate.ntmRevenue()));
        }
        if (estimate.ntmFcf() != null) {
            parts.add(" NTM FCF " + number(estimate.ntmFcf()));
        }
        if (estimate.blendWeight() != null) {
            parts.add(" FY1 revenue " + number(estimate.fy1Revenue()) + ", FY2 revenue " + number(estimate.fy2Revenue())
                    + ", FY1 FCF " + number(estimate.fy1Fcf()) + ", FY2 FCF " + number(estimate.fy2Fcf())
                    + ", FY1 ends " + estimate.fy1End() + ", blended with w = " + String.format(Locale.ROOT, "%.4f", estimate.blendWeight()));
        }
        text.append(String.join(",", parts));
        return text + event(estimate.eventId());
    }

    private static String number(Double value) {
        return value == null ? "none" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    private static String event(String eventId) {
        return eventId == null ? "" : "; event " + eventId;
    }
}
