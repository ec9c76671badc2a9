package io.saasreport.report.record;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.Filing;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseStatistics;

/**
 * Reads the consumed JSON values. Everything that makes a value unstorable is found here, before any database work,
 * so that a database error can only ever mean the database: it is retried, never dead-lettered.
 */
@ApplicationScoped
public class RecordCodec {

    /** The key the metrics service publishes the universe under. */
    public static final String UNIVERSE_KEY = "universe";
    /** The widths of the report's key columns (V1, V2 migrations). */
    private static final int TICKER_WIDTH = 32;
    private static final int NAME_WIDTH = 256;
    private static final int UNIVERSE_NAME_WIDTH = 63;
    private static final int ALERT_ID_WIDTH = 200;

    private final ObjectMapper mapper;
    private final OnePassReader onePass;

    RecordCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.onePass = new OnePassReader(mapper);
    }

    /** Every company's figures (what the view holds). */
    public Decoded<CompanyMetrics> companies(List<ConsumerRecord<String, String>> records) {
        return companies(records, false, CompanyValue::metrics);
    }

    /** Every company's figures with the value without its sources (what the writer stores). */
    public Decoded<CompanyValue> companiesToStore(List<ConsumerRecord<String, String>> records) {
        return companies(records, true, value -> value);
    }

    private <T> Decoded<T> companies(List<ConsumerRecord<String, String>> records, boolean withoutSources,
            Function<CompanyValue, T> kept) {
        Decoded<T> decoded = new Decoded<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                if (record.key() == null) {
                    decoded.unreadable().add(new Unreadable(record, "A tombstone without a key"));
                } else {
                    decoded.updates().add(Update.tombstone(record.key()));
                }
                continue;
            }
            try {
                OnePassReader.Read<CompanyMetrics> read = read(record.value(), CompanyMetrics.class, true, withoutSources);
                CompanyMetrics metrics = read.value();
                requireWidth("ticker", metrics.ticker(), TICKER_WIDTH);
                requireWidth("name", metrics.name(), NAME_WIDTH);
                CompanyValue value = new CompanyValue(metrics, read.withoutSources());
                decoded.updates().add(new Update<>(metrics.ticker(), read.version(metrics.asOf()),
                        kept.apply(value), record.value()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                decoded.unreadable().add(new Unreadable(record, "Not a valid CompanyMetrics: " + message(e)));
            }
        }
        return decoded;
    }

    /**
     * Every universe's statistics, keyed by the universe's name ({@value #UNIVERSE_KEY} for the default one); a
     * tombstone removes a named universe.
     */
    public Decoded<UniverseStatistics> universe(List<ConsumerRecord<String, String>> records) {
        Decoded<UniverseStatistics> decoded = new Decoded<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.key() == null || record.key().length() > UNIVERSE_NAME_WIDTH) {
                decoded.unreadable().add(new Unreadable(record, "Not a universe's name as key: " + record.key()));
                continue;
            }
            if (record.value() == null) {
                decoded.updates().add(Update.tombstone(record.key()));
                continue;
            }
            try {
                OnePassReader.Read<UniverseStatistics> read = read(record.value(), UniverseStatistics.class, false, false);
                UniverseStatistics statistics = read.value();
                decoded.updates().add(new Update<>(record.key(), read.version(statistics.asOf()),
                        statistics, record.value()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                decoded.unreadable().add(new Unreadable(record, "Not a valid UniverseStatistics: " + message(e)));
            }
        }
        return decoded;
    }

    /** Alerts keyed by their id (each is raised once; a redelivery is the same alert). */
    public Decoded<UniverseAlert> alerts(List<ConsumerRecord<String, String>> records) {
        Decoded<UniverseAlert> decoded = new Decoded<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                UniverseAlert alert = mapper.readValue(require(record.value()), UniverseAlert.class);
                requireWidth("id", alert.id(), ALERT_ID_WIDTH);
                requireWidth("universe", alert.universe(), UNIVERSE_NAME_WIDTH);
                decoded.updates().add(new Update<>(alert.id(), new Version(null, alert.at()), alert, record.value()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                decoded.unreadable().add(new Unreadable(record, "Not a valid UniverseAlert: " + message(e)));
            }
        }
        return decoded;
    }

    /** Filings keyed by their quarter ({@code ticker/year/quarter}), versioned by {@code filedAt}. */
    public Decoded<Filing> filings(List<ConsumerRecord<String, String>> records) {
        Decoded<Filing> decoded = new Decoded<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Filing filing = mapper.readValue(require(record.value()), Filing.class);
                requireWidth("ticker", filing.ticker(), TICKER_WIDTH);
                String quarter = filing.ticker() + "/" + filing.fiscalYear() + "/" + filing.fiscalQuarter();
                decoded.updates().add(new Update<>(quarter, new Version(null, filing.filedAt()), filing, record.value()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                decoded.unreadable().add(new Unreadable(record, "Not a valid Filing: " + message(e)));
            }
        }
        return decoded;
    }

    /** The value read in one pass or, when that does not read it (an unusual value, an error), from its tree. */
    private <T> OnePassReader.Read<T> read(String json, Class<T> type, boolean company, boolean withoutSources)
            throws JsonProcessingException {
        OnePassReader.Read<T> read = onePass.read(json, type, company, withoutSources);
        return read != null ? read : fromTree(json, type, company && withoutSources);
    }

    /** The decoding of old, kept for the values the one pass leaves: it decides their outcome and error text. */
    private <T> OnePassReader.Read<T> fromTree(String json, Class<T> type, boolean withoutSources)
            throws JsonProcessingException {
        JsonNode tree = mapper.readTree(json);
        T value = mapper.treeToValue(tree, type);
        JsonNode revision = tree.get(OnePassReader.REVISION);
        String rest = json;
        if (withoutSources && tree instanceof ObjectNode object && object.remove(OnePassReader.SOURCES) != null) {
            rest = mapper.writeValueAsString(object);
        }
        if (revision == null || revision.isNull()) {
            return new OnePassReader.Read<>(value, null, null, rest);
        }
        if (!revision.canConvertToExactIntegral() || !revision.canConvertToLong()) {
            return new OnePassReader.Read<>(value, null, revision.toString(), rest);
        }
        return new OnePassReader.Read<>(value, revision.longValue(), null, rest);
    }

    private static String require(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no value (a tombstone where none is expected)");
        }
        return value;
    }

    private static void requireWidth(String field, String value, int width) {
        if (value != null && value.length() > width) {
            throw new IllegalArgumentException(field + " longer than " + width + " characters");
        }
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }
}
