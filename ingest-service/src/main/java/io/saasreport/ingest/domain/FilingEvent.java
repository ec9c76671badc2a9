package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fiscal quarter's reported figures: flows for the quarter, balances at {@code periodEnd}.
 * Every figure but {@code revenue} may be absent (null, left out of the JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilingEvent(
        String ticker,
        Integer fiscalYear,
        Integer fiscalQuarter,
        LocalDate periodEnd,
        Instant filedAt,
        BigDecimal revenue,
        BigDecimal subscriptionRevenue,
        BigDecimal grossProfit,
        BigDecimal salesAndMarketing,
        BigDecimal researchAndDevelopment,
        BigDecimal generalAndAdministrative,
        BigDecimal operatingIncome,
        BigDecimal operatingCashFlow,
        BigDecimal capitalExpenditures,
        BigDecimal cash,
        BigDecimal debt,
        BigDecimal sharesOutstanding,
        BigDecimal netRevenueRetention) implements IngestEvent {

    @Override
    public EventType eventType() {
        return EventType.FILING;
    }

    @Override
    public String key() {
        return ticker;
    }
}
