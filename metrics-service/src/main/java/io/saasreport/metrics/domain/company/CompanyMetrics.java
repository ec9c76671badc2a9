package io.saasreport.metrics.domain.company;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.saasreport.metrics.domain.event.EventValidation;

/**
 * One company's figures, named exactly as in the spec's company-metrics table. Every figure is nullable and
 * never NaN or infinite ({@link CompanyMetricsCalculator} guarantees it). {@code asOf} is the latest event time
 * that went into the figures ({@code null} while only reference data is known). Nulls are always serialized.
 * The JSON also carries {@link #growthBucket()}, derived from {@code ntmGrowth} (and ignored when read back).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(value = "growthBucket", allowGetters = true)
public record CompanyMetrics(
        String ticker,
        String name,
        Instant asOf,
        Double price,
        Double sharesOutstanding,
        Double cash,
        Double debt,
        Double marketCap,
        Double enterpriseValue,
        Double ltmRevenue,
        Double ltmGrowth,
        Double ntmRevenue,
        Double ntmFcf,
        Double ntmGrowth,
        Double evToNtmRevenue,
        Double growthAdjustedMultiple,
        Double evToNtmFcf,
        Double grossMargin,
        Double operatingMargin,
        Double fcfMargin,
        Double salesMarketingPct,
        Double researchDevelopmentPct,
        Double generalAdministrativePct,
        Double ntmFcfMargin,
        Double ruleOf40Ltm,
        Double ruleOf40Ntm,
        Double netRevenueRetention,
        Double impliedArr,
        Double netNewArr,
        Double gmAdjustedPaybackMonths,
        Double weeklyPriceChange) {

    /** The names of the figures (every component but the identifying ones), in order. */
    public static final List<String> FIGURES = Arrays.stream(CompanyMetrics.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .filter(name -> !Set.of("ticker", "name", "asOf").contains(name))
            .toList();

    public CompanyMetrics {
        EventValidation.requireTicker(ticker);
    }

    public static CompanyMetrics of(CompanyState state) {
        return CompanyMetricsCalculator.compute(state);
    }

    /** The company's NTM growth bucket, published so that no consumer restates the thresholds; null without ntmGrowth. */
    @JsonProperty("growthBucket")
    public GrowthBucket growthBucket() {
        return ntmGrowth == null ? null : GrowthBucket.of(ntmGrowth);
    }
}
