package io.saasreport.ingest.importer.sec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.FilingEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.domain.TimeWindow;

/**
 * Assembles one filing event per fiscal quarter from an SEC {@code companyfacts} document: every quarter
 * for which revenue can be had, with whichever other figures the document holds (the rest stay absent;
 * subscription revenue and net revenue retention are never in it).
 */
public final class SecCompanyFactsImporter {

    /**
     * {@code filed} is a date only. Filings are stamped at 21:05Z that day (16:05 New York in winter),
     * after the market close, as the spec's worked example does; the same document always gives the same instant.
     */
    static final LocalTime FILED_TIME_UTC = LocalTime.of(21, 5);
    /** A cover-page share count this long after the period end belongs to a later filing. */
    static final int COVER_PAGE_MAX_DAYS = 120;

    private final CompanyFacts facts;
    private final FiscalCalendar calendar;
    private final Map<String, FlowSeries> flows = new HashMap<>();

    private SecCompanyFactsImporter(CompanyFacts facts) {
        this.facts = facts;
        this.calendar = FiscalCalendar.infer(facts);
    }

    /** The filings of the document; it is refused whole if any value is no figure or any date is out of {@code window}. */
    public static List<FilingEvent> parse(String ticker, JsonNode document, TimeWindow window) {
        List<FilingEvent> filings = new SecCompanyFactsImporter(CompanyFacts.of(document, window)).filings(ticker);
        if (filings.isEmpty()) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY,
                    "The document gives no fiscal quarter with revenue", EventType.FILING.wireName());
        }
        return filings;
    }

    private List<FilingEvent> filings(String ticker) {
        Set<FiscalQuarter> candidates = new LinkedHashSet<>();
        SecConcepts.REVENUE.forEach(concept -> candidates.addAll(flow(concept).quarters()));
        List<FilingEvent> filings = new ArrayList<>();
        candidates.stream().sorted().forEach(quarter -> firstFlow(SecConcepts.REVENUE, quarter)
                .ifPresent(revenue -> filings.add(filing(ticker, quarter, revenue))));
        return filings;
    }

    private FilingEvent filing(String ticker, FiscalQuarter quarter, QuarterValue revenue) {
        LocalDate periodEnd = revenue.periodEnd();
        Optional<QuarterValue> grossProfit = firstFlow(SecConcepts.GROSS_PROFIT, quarter)
                .or(() -> firstFlow(SecConcepts.COST_OF_REVENUE, quarter).map(revenue::minus));
        Optional<QuarterValue> salesAndMarketing = firstFlow(SecConcepts.SALES_AND_MARKETING, quarter);
        Optional<QuarterValue> researchAndDevelopment = firstFlow(SecConcepts.RESEARCH_AND_DEVELOPMENT, quarter);
        Optional<QuarterValue> generalAndAdministrative = firstFlow(SecConcepts.GENERAL_AND_ADMINISTRATIVE, quarter);
        Optional<QuarterValue> operatingIncome = firstFlow(SecConcepts.OPERATING_INCOME, quarter);
        Optional<QuarterValue> operatingCashFlow = firstFlow(SecConcepts.OPERATING_CASH_FLOW, quarter);
        Optional<QuarterValue> capex = sumOfPresent(SecConcepts.CAPEX_PARTS.stream()
                .map(part -> firstFlow(part, quarter)).toList());
        Optional<QuarterValue> cash = firstBalance(SecConcepts.CASH, periodEnd).map(cashOnly -> firstBalance(
                SecConcepts.SHORT_TERM_INVESTMENTS, periodEnd).map(cashOnly::plus).orElse(cashOnly));
        Optional<QuarterValue> debt = firstBalance(SecConcepts.DEBT, periodEnd);
        Optional<QuarterValue> shares = coverPageShares(periodEnd)
                .or(() -> balance(CompanyFacts.US_GAAP, SecConcepts.BALANCE_SHEET_SHARES, CompanyFacts.SHARES, periodEnd));

        List<Optional<QuarterValue>> all = List.of(Optional.of(revenue), grossProfit, salesAndMarketing,
                researchAndDevelopment, generalAndAdministrative, operatingIncome, operatingCashFlow, capex, cash, debt, shares);
        LocalDate filed = all.stream().flatMap(Optional::stream).map(QuarterValue::filed)
                .max(Comparator.naturalOrder()).orElseThrow();
        return new FilingEvent(ticker, quarter.year(), quarter.quarter(), periodEnd, filedAt(filed),
                revenue.value(), null, value(grossProfit), value(salesAndMarketing), value(researchAndDevelopment),
                value(generalAndAdministrative), value(operatingIncome), value(operatingCashFlow), value(capex),
                value(cash), value(debt), value(shares), null);
    }

    static Instant filedAt(LocalDate filed) {
        return filed.atTime(FILED_TIME_UTC).toInstant(ZoneOffset.UTC);
    }

    private FlowSeries flow(String concept) {
        return flows.computeIfAbsent(concept,
                name -> new FlowSeries(facts.facts(CompanyFacts.US_GAAP, name, CompanyFacts.USD), calendar));
    }

    private Optional<QuarterValue> firstFlow(List<String> concepts, FiscalQuarter quarter) {
        return concepts.stream().map(concept -> flow(concept).valueOf(quarter)).flatMap(Optional::stream).findFirst();
    }

    private Optional<QuarterValue> firstBalance(List<String> concepts, LocalDate periodEnd) {
        return concepts.stream()
                .map(concept -> balance(CompanyFacts.US_GAAP, concept, CompanyFacts.USD, periodEnd))
                .flatMap(Optional::stream).findFirst();
    }

    /** A balance as of {@code periodEnd}, from the latest filing that reports it. */
    private Optional<QuarterValue> balance(String taxonomy, String concept, String unit, LocalDate periodEnd) {
        return facts.facts(taxonomy, concept, unit).stream()
                .filter(fact -> !fact.isDuration() && fact.end().equals(periodEnd))
                .reduce(SecFact::latestFiled)
                .map(fact -> new QuarterValue(fact.value(), periodEnd, fact.filed()));
    }

    /** The cover-page count of the first filing after the period end: the one that reported this quarter. */
    private Optional<QuarterValue> coverPageShares(LocalDate periodEnd) {
        return facts.facts(CompanyFacts.DEI, SecConcepts.COVER_PAGE_SHARES, CompanyFacts.SHARES).stream()
                .filter(fact -> fact.end().isAfter(periodEnd) && !fact.end().isAfter(periodEnd.plusDays(COVER_PAGE_MAX_DAYS)))
                .filter(fact -> fact.filed().isAfter(periodEnd))
                .min(Comparator.comparing(SecFact::filed).thenComparing(SecFact::end))
                .map(fact -> new QuarterValue(fact.value(), periodEnd, fact.filed()));
    }

    private static Optional<QuarterValue> sumOfPresent(List<Optional<QuarterValue>> parts) {
        return parts.stream().flatMap(Optional::stream).reduce(QuarterValue::plus);
    }

    private static BigDecimal value(Optional<QuarterValue> figure) {
        return figure.map(QuarterValue::value).orElse(null);
    }
}
