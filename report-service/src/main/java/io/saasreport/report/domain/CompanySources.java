package io.saasreport.report.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code sources} part of a {@code metrics.company} value: the inputs the metrics service chose for the company's
 * figures and, per figure, which of them it uses and why it is null. Read as published; the report only renders it.
 */
@Schema(name = "CompanySources", description = "The inputs the metrics service computed the company's figures from; "
        + "an input not held is null.")
public record CompanySources(
        @Schema(description = "The latest price", nullable = true) PriceSource price,
        @Schema(description = "The weekly change's reference: the last price at or before a week before the latest",
                nullable = true) PriceSource weeklyReference,
        @Schema(description = "Q0, the latest quarter: shares, cash, debt, NRR, implied ARR", nullable = true) QuarterSource latestQuarter,
        @Schema(description = "Q1, the quarter before Q0 (net new ARR, CAC payback)", nullable = true) QuarterSource previousQuarter,
        @Schema(description = "Q0..Q3, summed for the LTM figures; null unless all four are held and consecutive",
                nullable = true) List<QuarterSource> ltmQuarters,
        @Schema(description = "Q4..Q7, the prior LTM of the LTM growth; null unless Q0..Q7 are held and consecutive",
                nullable = true) List<QuarterSource> priorLtmQuarters,
        @Schema(description = "The estimate held", nullable = true) EstimateSource estimate,
        @Schema(description = "Per figure name: the inputs it uses and, when null, why") Map<String, FigureSource> figures) {

    @Schema(name = "PriceSource", description = "A price event")
    public record PriceSource(
            @Schema(description = "Price, USD") double value,
            @Schema(description = "Exchange time") Instant at,
            @Schema(description = "The price record's CloudEvents id", nullable = true) String eventId) {
    }

    @Schema(name = "QuarterSource", description = "A filed quarter")
    public record QuarterSource(
            int fiscalYear,
            @Schema(description = "1..4") int fiscalQuarter,
            @Schema(nullable = true) LocalDate periodEnd,
            Instant filedAt,
            @Schema(description = "Whether this filing replaced an earlier one for the quarter") boolean restatement,
            @Schema(description = "The filing record's CloudEvents id", nullable = true) String eventId) {

        /** As reports name it: {@code FY2026 Q1}. */
        public String label() {
            return "FY" + fiscalYear + " Q" + fiscalQuarter;
        }
    }

    @Schema(name = "EstimateSource", description = "The estimate held, its values as given")
    public record EstimateSource(
            Instant asOf,
            @Schema(description = "The estimate record's CloudEvents id", nullable = true) String eventId,
            @Schema(nullable = true) Double ntmRevenue,
            @Schema(nullable = true) Double ntmFcf,
            @Schema(nullable = true) Double fy1Revenue,
            @Schema(nullable = true) Double fy2Revenue,
            @Schema(nullable = true) Double fy1Fcf,
            @Schema(nullable = true) Double fy2Fcf,
            @Schema(nullable = true) LocalDate fy1End,
            @Schema(description = "w, the FY1 weight, when an NTM figure was blended from FY1/FY2", nullable = true)
            Double blendWeight) {
    }

    @Schema(name = "FigureSource", description = "One figure's inputs and, when it is null, why")
    public record FigureSource(
            @Schema(description = "Names of the inputs above the figure is computed from") List<String> uses,
            @Schema(description = "Why the figure is null", nullable = true) String missing) {
    }
}
