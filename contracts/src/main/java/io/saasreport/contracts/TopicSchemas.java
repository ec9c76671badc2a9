package io.saasreport.contracts;

import java.util.List;

/**
 * Where the JSON Schema (draft 2020-12) of each topic's value lies on the classpath:
 * {@code contracts/schemas/<topic>.schema.json}; a correction, which travels on the topic of what it corrects, has its
 * own, named by its {@code type}: {@code contracts/schemas/<type>.schema.json} ({@link #CORRECTIONS}). The files are
 * the contract; this class only names them.
 */
public final class TopicSchemas {

    /** The classpath folder of the schema files. */
    public static final String FOLDER = "contracts/schemas/";

    /** The base of the schemas' {@code $id}s: a file's id is this base followed by its file name. */
    public static final String ID_BASE = "https://saasreport.io/contracts/schemas/";

    /** The shared field kinds of the input events (Ticker, Instant, ...), referenced by the input topics' schemas. */
    public static final String FIELD_KINDS = "input-fields.schema.json";

    /** The corrections' types: {@code price-correction} on market.prices, the other two on company.filings. */
    public static final List<String> CORRECTIONS = List.of("price-correction", "filing-withdrawal", "company-removal");

    /** The classpath resource of {@code topic}'s value schema (or a correction's, by its type). */
    public static String resource(String topic) {
        return FOLDER + fileName(topic);
    }

    /** The file name of {@code topic}'s value schema, e.g. {@code market.prices.schema.json}. */
    public static String fileName(String topic) {
        return topic + ".schema.json";
    }

    /** The {@code $id} of {@code topic}'s value schema. */
    public static String id(String topic) {
        return ID_BASE + fileName(topic);
    }

    private TopicSchemas() {
    }
}
