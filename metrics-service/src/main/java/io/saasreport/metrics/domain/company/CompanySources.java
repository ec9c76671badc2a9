package io.saasreport.metrics.domain.company;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.saasreport.metrics.domain.event.FilingEvent;

/**
 * Where a company's figures come from, as {@link CompanyMetricsCalculator} chose the inputs: the price and the weekly
 * reference price, the quarter that gave shares, cash and debt (Q0) and the one before it (Q1), the quarters summed for
 * the LTM and the prior LTM, the estimate and its blend weight. {@code figures} says, for every published figure, which
 * of these inputs it uses and, when it is {@code null}, which input is missing. An input not held is {@code null}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompanySources(
        PriceSource price,
        PriceSource weeklyReference,
        QuarterSource latestQuarter,
        QuarterSource previousQuarter,
        List<QuarterSource> ltmQuarters,
        List<QuarterSource> priorLtmQuarters,
        EstimateSource estimate,
        Map<String, FigureSource> figures) {

    /** The names of the inputs above, as {@link FigureSource#uses()} lists them (in this order). */
    public static final String PRICE = "price";
    public static final String WEEKLY_REFERENCE = "weeklyReference";
    public static final String LATEST_QUARTER = "latestQuarter";
    public static final String PREVIOUS_QUARTER = "previousQuarter";
    public static final String LTM_QUARTERS = "ltmQuarters";
    public static final String PRIOR_LTM_QUARTERS = "priorLtmQuarters";
    public static final String ESTIMATE = "estimate";
    static final List<String> INPUTS = List.of(PRICE, WEEKLY_REFERENCE, LATEST_QUARTER, PREVIOUS_QUARTER, LTM_QUARTERS,
            PRIOR_LTM_QUARTERS, ESTIMATE);

    public CompanySources {
        ltmQuarters = ltmQuarters == null ? null : List.copyOf(ltmQuarters);
        priorLtmQuarters = priorLtmQuarters == null ? null : List.copyOf(priorLtmQuarters);
        figures = figures == null ? Map.of() : figures;
    }

    /** A price event: its value, its exchange time and the input event's id. */
    public record PriceSource(double value, Instant at, String eventId) {

        static PriceSource of(PricePoint point) {
            return new PriceSource(point.price(), point.at(), point.eventId());
        }
    }

    /** A filed quarter: which one, when filed, whether that filing replaced an earlier one, the input event's id. */
    public record QuarterSource(int fiscalYear, int fiscalQuarter, LocalDate periodEnd, Instant filedAt, boolean restatement,
            String eventId) {

        static QuarterSource of(FilingEvent filing, CompanyState state) {
            return new QuarterSource(filing.fiscalYear(), filing.fiscalQuarter(), filing.periodEnd(), filing.filedAt(),
                    state.isRestated(filing.quarter()), filing.eventId());
        }
    }

    /**
     * The estimate held, its values as given, and {@code blendWeight} (the FY1 weight w) when the NTM revenue or FCF
     * was blended from FY1/FY2.
     */
    public record EstimateSource(Instant asOf, String eventId, Double ntmRevenue, Double ntmFcf, Double fy1Revenue,
            Double fy2Revenue, Double fy1Fcf, Double fy2Fcf, LocalDate fy1End, Double blendWeight) {
    }

    /** One figure's inputs (names of the parts above) and, when it is null, why. */
    public record FigureSource(List<String> uses, String missing) {

        public FigureSource {
            uses = List.copyOf(uses);
        }
    }
}
