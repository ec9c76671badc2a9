package io.saasreport.ingest.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which fields each event type has, their kinds, and which are required (metrics.md, "Inputs"). */
public final class EventSchema {

    public record Field(String name, FieldKind kind, boolean required) {
    }

    public static final String TYPE_FIELD = "type";

    private static final Map<EventType, Map<String, Field>> FIELDS = Map.of(
            EventType.PRICE, fields(
                    required("ticker", FieldKind.TICKER),
                    required("price", FieldKind.PRICE),
                    required("at", FieldKind.INSTANT)),
            EventType.FILING, fields(
                    required("ticker", FieldKind.TICKER),
                    required("fiscalYear", FieldKind.FISCAL_YEAR),
                    required("fiscalQuarter", FieldKind.FISCAL_QUARTER),
                    required("periodEnd", FieldKind.DATE),
                    required("filedAt", FieldKind.INSTANT),
                    required("revenue", FieldKind.NUMBER),
                    optional("subscriptionRevenue", FieldKind.NUMBER),
                    optional("grossProfit", FieldKind.NUMBER),
                    optional("salesAndMarketing", FieldKind.NUMBER),
                    optional("researchAndDevelopment", FieldKind.NUMBER),
                    optional("generalAndAdministrative", FieldKind.NUMBER),
                    optional("operatingIncome", FieldKind.NUMBER),
                    optional("operatingCashFlow", FieldKind.NUMBER),
                    optional("capitalExpenditures", FieldKind.NUMBER),
                    optional("cash", FieldKind.NUMBER),
                    optional("debt", FieldKind.NUMBER),
                    optional("sharesOutstanding", FieldKind.NUMBER),
                    optional("netRevenueRetention", FieldKind.NUMBER)),
            // The revenue alternatives (ntmRevenue or the fy1/fy2 triple) are checked by EventValidator.
            EventType.ESTIMATE, fields(
                    required("ticker", FieldKind.TICKER),
                    required("asOf", FieldKind.INSTANT),
                    optional("ntmRevenue", FieldKind.NUMBER),
                    optional("ntmFcf", FieldKind.NUMBER),
                    optional("fy1Revenue", FieldKind.NUMBER),
                    optional("fy2Revenue", FieldKind.NUMBER),
                    optional("fy1End", FieldKind.DATE),
                    optional("fy1Fcf", FieldKind.NUMBER),
                    optional("fy2Fcf", FieldKind.NUMBER)),
            EventType.MACRO, fields(
                    required("asOf", FieldKind.INSTANT),
                    required("tenYearYield", FieldKind.NUMBER)),
            EventType.COMPANY, fields(
                    required("ticker", FieldKind.TICKER),
                    required("name", FieldKind.NAME)));

    /** The fields of {@code type}, in the spec's order. */
    public static Map<String, Field> fieldsOf(EventType type) {
        return FIELDS.get(type);
    }

    private static Field required(String name, FieldKind kind) {
        return new Field(name, kind, true);
    }

    private static Field optional(String name, FieldKind kind) {
        return new Field(name, kind, false);
    }

    private static Map<String, Field> fields(Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : List.of(fields)) {
            byName.put(field.name(), field);
        }
        return byName;
    }

    private EventSchema() {
    }
}
