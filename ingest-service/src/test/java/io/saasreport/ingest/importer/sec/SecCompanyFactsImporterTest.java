package io.saasreport.ingest.importer.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.ingest.TestData;
import io.saasreport.ingest.domain.FilingEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/** Snowflake's real companyfacts file; expected values worked out by hand from the file's facts. */
class SecCompanyFactsImporterTest {

    private static List<FilingEvent> filings;
    private static Map<String, FilingEvent> byQuarter;

    @BeforeAll
    static void importSnowflake() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        filings = SecCompanyFactsImporter.parse("SNOW", mapper.readTree(TestData.bytes(TestData.SNOWFLAKE_COMPANY_FACTS)), TestData.window());
        byQuarter = filings.stream().collect(Collectors.toMap(
                filing -> filing.fiscalYear() + "Q" + filing.fiscalQuarter(), Function.identity()));
    }

    @Test
    void assemblesEveryQuarterWithRevenueInOrder() {
        // FY2020 Q3 (first three-month value) and Q4 (10-K minus nine months), FY2021 to FY2025 whole, FY2026 Q1.
        assertEquals(23, filings.size());
        assertEquals("2020Q3", key(filings.get(0)));
        assertEquals("2026Q1", key(filings.get(filings.size() - 1)));
    }

    @Test
    void takesThreeMonthRevenueWhereReported() {
        assertEquals(new BigDecimal("868823000"), byQuarter.get("2025Q2").revenue());
        assertEquals(new BigDecimal("942094000"), byQuarter.get("2025Q3").revenue());
        assertEquals(new BigDecimal("828709000"), byQuarter.get("2025Q1").revenue());
    }

    @Test
    void derivesFourthQuarterAsFullYearMinusNineMonths() {
        assertEquals(new BigDecimal("986770000"), byQuarter.get("2025Q4").revenue()); // 3,626,396,000 - 2,639,626,000
        assertEquals(new BigDecimal("190465000"), byQuarter.get("2021Q4").revenue()); // 592,049,000 - 401,584,000
        assertEquals(new BigDecimal("87692000"), byQuarter.get("2020Q4").revenue()); // 264,748,000 - 177,056,000
    }

    @Test
    void derivesFiscalYearAndQuarterFromThePeriodNotTheFiling() {
        // Snowflake's fiscal year ends 31 January: FY2025 runs February 2024 to January 2025.
        assertEquals(LocalDate.parse("2024-04-30"), byQuarter.get("2025Q1").periodEnd());
        assertEquals(LocalDate.parse("2024-07-31"), byQuarter.get("2025Q2").periodEnd());
        assertEquals(LocalDate.parse("2025-01-31"), byQuarter.get("2025Q4").periodEnd());
        // The 10-Q filed 2022-06-03 says fp=FY; its quarter is still FY2023 Q1.
        assertEquals(LocalDate.parse("2022-04-30"), byQuarter.get("2023Q1").periodEnd());
    }

    @Test
    void derivesOperatingCashFlowAsDifferencesOfYearToDateValues() {
        // Year to date FY2025: 355,468,000 / 425,333,000 / 527,039,000 / 959,764,000
        assertEquals(new BigDecimal("355468000"), byQuarter.get("2025Q1").operatingCashFlow());
        assertEquals(new BigDecimal("69865000"), byQuarter.get("2025Q2").operatingCashFlow());
        assertEquals(new BigDecimal("101706000"), byQuarter.get("2025Q3").operatingCashFlow());
        assertEquals(new BigDecimal("432725000"), byQuarter.get("2025Q4").operatingCashFlow());
        // FY2021 Q2: -45,277,000 - (-6,592,000)
        assertEquals(new BigDecimal("-38685000"), byQuarter.get("2021Q2").operatingCashFlow());
    }

    @Test
    void addsCapitalizedSoftwareToPropertyAndEquipmentForCapex() {
        // FY2025 Q2: PP&E 21,562,000 - 16,519,000 plus software 13,396,000 - 7,404,000
        assertEquals(new BigDecimal("11035000"), byQuarter.get("2025Q2").capitalExpenditures());
        // FY2025 Q4: PP&E 46,279,000 - 35,002,000 plus software 29,433,000 - 23,428,000
        assertEquals(new BigDecimal("17282000"), byQuarter.get("2025Q4").capitalExpenditures());
    }

    @Test
    void takesTheIncomeStatementLines() {
        FilingEvent q2 = byQuarter.get("2025Q2");
        assertEquals(new BigDecimal("580745000"), q2.grossProfit());
        assertEquals(new BigDecimal("-355303000"), q2.operatingIncome());
        // Q4 gross profit: 2,411,723,000 - 1,758,137,000
        assertEquals(new BigDecimal("653586000"), byQuarter.get("2025Q4").grossProfit());
    }

    @Test
    void addsShortTermInvestmentsToCashAtQuarterEnd() {
        // 2024-07-31: cash 1,282,045,000 + available-for-sale current 1,948,462,000
        assertEquals(new BigDecimal("3230507000"), byQuarter.get("2025Q2").cash());
        // 2025-01-31: 2,628,798,000 + 2,008,873,000
        assertEquals(new BigDecimal("4637671000"), byQuarter.get("2025Q4").cash());
    }

    @Test
    void leavesDebtAbsentUntilTheFileReportsIt() {
        assertNull(byQuarter.get("2025Q2").debt());
        assertEquals(BigDecimal.ZERO, byQuarter.get("2024Q4").debt());
        assertEquals(new BigDecimal("2269459000"), byQuarter.get("2025Q3").debt()); // convertible notes, September 2024
        assertEquals(new BigDecimal("2271529000"), byQuarter.get("2025Q4").debt());
    }

    @Test
    void takesSharesFromTheFirstCoverPageAfterThePeriodEnd() {
        assertEquals(new BigDecimal("335200000"), byQuarter.get("2025Q2").sharesOutstanding()); // as of 2024-08-20
        assertEquals(new BigDecimal("334100000"), byQuarter.get("2025Q4").sharesOutstanding()); // as of 2025-03-07
    }

    @Test
    void stampsTheLatestFilingBehindTheFiguresAt2105Utc() {
        // Q3 FY2025 was last reported in the 10-Q of 2024-11-27 (no later filing repeats its figures).
        assertEquals(Instant.parse("2024-11-27T21:05:00Z"), byQuarter.get("2025Q3").filedAt());
        // Q4 FY2025's balances are repeated in the 10-Q of 2025-05-30: the latest filing wins.
        assertEquals(Instant.parse("2025-05-30T21:05:00Z"), byQuarter.get("2025Q4").filedAt());
    }

    @Test
    void leavesFieldsTheDocumentLacksAbsent() {
        FilingEvent q2 = byQuarter.get("2025Q2");
        assertNull(q2.subscriptionRevenue());
        assertNull(q2.netRevenueRetention());
    }

    @Test
    void rejectsADocumentWithoutFacts() throws Exception {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class,
                () -> SecCompanyFactsImporter.parse("SNOW", new ObjectMapper().readTree("{\"cik\":1}"), TestData.window()));
        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    @Test
    void rejectsADocumentWithoutRevenue() throws Exception {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class,
                () -> SecCompanyFactsImporter.parse("SNOW", new ObjectMapper().readTree("{\"facts\":{\"us-gaap\":{}}}"), TestData.window()));
        assertEquals(RejectionReason.EMPTY, rejection.reason());
    }

    private static String key(FilingEvent filing) {
        return filing.fiscalYear() + "Q" + filing.fiscalQuarter();
    }
}
