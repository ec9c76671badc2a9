package io.saasreport.ingest.importer.sec;

import java.util.List;

/**
 * Which us-gaap concepts carry each filing field, in order of preference. Filers differ (Snowflake reports
 * RevenueFromContractWithCustomerExcludingAssessedTax and no Revenues; older filings use SalesRevenueNet),
 * so each field has a list and the first concept with a value for the quarter wins.
 */
final class SecConcepts {

    static final List<String> REVENUE = List.of(
            "RevenueFromContractWithCustomerExcludingAssessedTax",
            "Revenues",
            "RevenueFromContractWithCustomerIncludingAssessedTax",
            "SalesRevenueNet",
            "SalesRevenueServicesNet");
    static final List<String> GROSS_PROFIT = List.of("GrossProfit");
    /** Gross profit = revenue - cost of revenue when GrossProfit itself is not reported. */
    static final List<String> COST_OF_REVENUE = List.of(
            "CostOfRevenue",
            "CostOfGoodsAndServicesSold",
            "CostOfServices");
    static final List<String> SALES_AND_MARKETING = List.of(
            "SellingAndMarketingExpense",
            "SellingExpense",
            "MarketingAndAdvertisingExpense");
    static final List<String> RESEARCH_AND_DEVELOPMENT = List.of(
            "ResearchAndDevelopmentExpense",
            "ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost",
            "ResearchAndDevelopmentExpenseSoftwareExcludingAcquiredInProcessCost");
    static final List<String> GENERAL_AND_ADMINISTRATIVE = List.of("GeneralAndAdministrativeExpense");
    static final List<String> OPERATING_INCOME = List.of("OperatingIncomeLoss");
    static final List<String> OPERATING_CASH_FLOW = List.of(
            "NetCashProvidedByUsedInOperatingActivities",
            "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations");
    /** Capital expenditures = property and equipment + capitalized software, each part when reported. */
    static final List<List<String>> CAPEX_PARTS = List.of(
            List.of("PaymentsToAcquirePropertyPlantAndEquipment", "PaymentsToAcquireProductiveAssets"),
            List.of("PaymentsToDevelopSoftware"));

    /** Cash = cash and equivalents + short-term investments (when reported). */
    static final List<String> CASH = List.of("CashAndCashEquivalentsAtCarryingValue", "Cash");
    static final List<String> SHORT_TERM_INVESTMENTS = List.of(
            "ShortTermInvestments",
            "AvailableForSaleSecuritiesDebtSecuritiesCurrent",
            "MarketableSecuritiesCurrent");
    static final List<String> DEBT = List.of(
            "LongTermDebt",
            "LongTermDebtNoncurrent",
            "ConvertibleDebtNoncurrent",
            "ConvertibleNotesPayable",
            "ConvertibleLongTermNotesPayable");
    /** The cover page count (dei), dated some weeks after the period end it is filed with. */
    static final String COVER_PAGE_SHARES = "EntityCommonStockSharesOutstanding";
    static final String BALANCE_SHEET_SHARES = "CommonStockSharesOutstanding";

    private SecConcepts() {
    }
}
