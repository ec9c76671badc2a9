package io.saasreport.report.record;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.Filing;
import io.saasreport.report.domain.FilingsRecord;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseStatistics;

/**
 * Reads the consumed JSON values. Everything that makes a value unreadable is found here, before any database work;
 * what only the database can tell (a character it cannot hold) is found by {@link RefusedRecords}.
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
    /** The corrections on company.filings (ingest's Correction types). */
    private static final String COMPANY_REMOVAL = "company-removal";
    private static final String FILING_WITHDRAWAL = "filing-withdrawal";

    private final ObjectMapper mapper;
    private final OnePassReader onePass;

    RecordCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.onePass = new OnePassReader(mapper);
    }

    /** The newest figures of each company in the batch (what the view holds), and the unreadable records. */
    public Decoded<CompanyMetrics> newestCompanies(List<ConsumerRecord<String, String>> records) {
        return companies(records, false, CompanyValue::metrics, Conflation::newestPerKey);
    }

    /**
     * Each company's last figures of each minute in the batch (what the history keeps: {@link
     * Conflation#newestPerKeyAndMinute}), with their text as the history endpoint serves them, and the unreadable
     * records.
     */
    public Decoded<CompanyValue> companiesToStore(List<ConsumerRecord<String, String>> records) {
        return companies(records, true, value -> value, Conflation::newestPerKeyAndMinute);
    }

    /**
     * The batch's company records that {@code conflation} keeps, read whole, in offset order. Which ones it keeps is
     * decided first from each value's ticker and version alone ({@link PublishedVersion}), so that a record
     * superseded within its batch is not read: a company ticking every 200 ms has three or four records in a writer's
     * batch and its figures are half of the report's work. A record whose version cannot be had so, and a tombstone,
     * is always read. When a kept record turns out unreadable, or not what its version said, every record of its
     * company in the batch is read, so that the one before it is kept as before.
     */
    private <T> Decoded<T> companies(List<ConsumerRecord<String, String>> records, boolean asServed,
            Function<CompanyValue, T> kept, Function<List<Update<Integer>>, Collection<Update<Integer>>> conflation) {
        int count = records.size();
        PublishedVersion[] versions = new PublishedVersion[count];
        boolean[] read = worthReading(records, conflation, versions);
        Object[] outcomes = new Object[count];
        Set<String> readWhole = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (read[i]) {
                outcomes[i] = company(records.get(i), asServed, kept);
                if (versions[i] != null && !versions[i].matches(outcomes[i])) {
                    readWhole.add(versions[i].ticker());
                }
            }
        }
        Decoded<T> decoded = new Decoded<>();
        for (int i = 0; i < count; i++) {
            if (!read[i] && readWhole.contains(versions[i].ticker())) {
                outcomes[i] = company(records.get(i), asServed, kept);
            }
            if (outcomes[i] instanceof Unreadable unreadable) {
                decoded.unreadable().add(unreadable);
            } else if (outcomes[i] != null) {
                @SuppressWarnings("unchecked")
                Update<T> update = (Update<T>) outcomes[i];
                decoded.add(update, records.get(i));
            }
        }
        return decoded;
    }

    /**
     * The batch's company records that the history's conflation can keep ({@link #companiesToStore}), judged by their
     * ends alone, in offset order: what a writer gathering a batch need hold of it. A record superseded within the
     * batch is dropped unread, so a newest record that turns out unreadable is dead-lettered without the one before
     * it being stored (that company's next record is).
     */
    public List<ConsumerRecord<String, String>> withoutSuperseded(List<ConsumerRecord<String, String>> records) {
        boolean[] kept = worthReading(records, Conflation::newestPerKeyAndMinute, new PublishedVersion[records.size()]);
        List<ConsumerRecord<String, String>> left = new ArrayList<>(records.size());
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                left.add(records.get(i));
            }
        }
        return left;
    }

    /**
     * Which records {@code conflation} can keep, from each value's ticker and version read at its ends ({@code
     * versions}, filled in; null where they cannot be read so): those, the ones whose version cannot be read so, and
     * tombstones.
     */
    private boolean[] worthReading(List<ConsumerRecord<String, String>> records,
            Function<List<Update<Integer>>, Collection<Update<Integer>>> conflation, PublishedVersion[] versions) {
        boolean[] read = new boolean[records.size()];
        List<Update<Integer>> candidates = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            if (record.value() == null) {
                read[i] = true;
                if (record.key() != null) {
                    candidates.add(Update.tombstone(record.key(), Instant.ofEpochMilli(record.timestamp())));
                }
                continue;
            }
            versions[i] = PublishedVersion.of(record.value(), mapper.getFactory());
            if (versions[i] == null) {
                read[i] = true;
            } else {
                candidates.add(new Update<>(versions[i].ticker(), versions[i].version(), i, null));
            }
        }
        for (Update<Integer> candidate : conflation.apply(candidates)) {
            if (!candidate.isTombstone()) {
                read[candidate.value()] = true;
            }
        }
        return read;
    }

    /** One company record read whole: its {@link Update}, or why it is {@link Unreadable}. */
    private <T> Object company(ConsumerRecord<String, String> record, boolean asServed, Function<CompanyValue, T> kept) {
        if (record.value() == null) {
            return record.key() == null ? new Unreadable(record, "A tombstone without a key")
                    : Update.tombstone(record.key(), Instant.ofEpochMilli(record.timestamp()));
        }
        try {
            OnePassReader.Read<CompanyMetrics> read = read(record.value(), CompanyMetrics.class, true);
            CompanyMetrics metrics = read.value();
            requireWidth("ticker", metrics.ticker(), TICKER_WIDTH);
            requireWidth("name", metrics.name(), NAME_WIDTH);
            // The text the REST layer writes for these figures (the same mapper, the same record).
            CompanyValue value = new CompanyValue(metrics, asServed ? mapper.writeValueAsString(metrics) : null);
            return new Update<>(metrics.ticker(), read.version(metrics.asOf()), kept.apply(value), record.value());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Unreadable(record, "Not a valid CompanyMetrics: " + message(e));
        }
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
                decoded.add(Update.tombstone(record.key()), record);
                continue;
            }
            try {
                OnePassReader.Read<UniverseStatistics> read = read(record.value(), UniverseStatistics.class, false);
                UniverseStatistics statistics = read.value();
                decoded.add(new Update<>(record.key(), read.version(statistics.asOf()),
                        statistics, record.value()), record);
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
                decoded.add(new Update<>(alert.id(), new Version(null, alert.at()), alert, record.value()), record);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                decoded.unreadable().add(new Unreadable(record, "Not a valid UniverseAlert: " + message(e)));
            }
        }
        return decoded;
    }

    /**
     * What company.filings carries, in offset order: filings keyed by their quarter ({@code ticker/year/quarter}),
     * versioned by {@code filedAt}; a quarter's withdrawal under the same key; a company's removal under its ticker.
     */
    public Decoded<FilingsRecord> filings(List<ConsumerRecord<String, String>> records) {
        Decoded<FilingsRecord> decoded = new Decoded<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                JsonNode tree = mapper.readTree(require(record.value()));
                String type = tree.path("type").asText("filing");
                if (COMPANY_REMOVAL.equals(type) || FILING_WITHDRAWAL.equals(type)) {
                    decoded.add(correction(type, tree, record.value()), record);
                    continue;
                }
                Filing filing = mapper.treeToValue(tree, Filing.class);
                requireWidth("ticker", filing.ticker(), TICKER_WIDTH);
                decoded.add(new Update<>(quarterKey(filing.ticker(), filing.fiscalYear(), filing.fiscalQuarter()),
                        new Version(null, filing.filedAt()), new FilingsRecord.Filed(filing), record.value()), record);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                decoded.unreadable().add(new Unreadable(record, "Not a valid Filing: " + message(e)));
            }
        }
        return decoded;
    }

    private static Update<FilingsRecord> correction(String type, JsonNode tree, String payload) {
        String ticker = tree.path("ticker").asText(null);
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException(type + " without a ticker");
        }
        requireWidth("ticker", ticker, TICKER_WIDTH);
        Version at;
        try {
            at = new Version(null, Instant.parse(tree.path("at").asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(type + " without an ISO-8601 instant 'at'", e);
        }
        if (COMPANY_REMOVAL.equals(type)) {
            return new Update<>(ticker, at, new FilingsRecord.CompanyRemoved(ticker), payload);
        }
        int year = tree.path("fiscalYear").asInt(0);
        int quarter = tree.path("fiscalQuarter").asInt(0);
        if (!tree.path("fiscalYear").isInt() || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException(type + " without a fiscal year and quarter 1..4");
        }
        return new Update<>(quarterKey(ticker, year, quarter), at, new FilingsRecord.Withdrawn(ticker, year, quarter),
                payload);
    }

    private static String quarterKey(String ticker, int fiscalYear, int fiscalQuarter) {
        return ticker + "/" + fiscalYear + "/" + fiscalQuarter;
    }

    /** The value read in one pass or, when that does not read it (an unusual value, an error), from its tree. */
    private <T> OnePassReader.Read<T> read(String json, Class<T> type, boolean company) throws JsonProcessingException {
        OnePassReader.Read<T> read = onePass.read(json, type, company);
        return read != null ? read : fromTree(json, type);
    }

    /** The decoding of old, kept for the values the one pass leaves: it decides their outcome and error text. */
    private <T> OnePassReader.Read<T> fromTree(String json, Class<T> type) throws JsonProcessingException {
        JsonNode tree = mapper.readTree(json);
        T value = mapper.treeToValue(tree, type);
        JsonNode revision = tree.get(OnePassReader.REVISION);
        if (revision == null || revision.isNull()) {
            return new OnePassReader.Read<>(value, null, null);
        }
        if (!revision.canConvertToExactIntegral() || !revision.canConvertToLong()) {
            return new OnePassReader.Read<>(value, null, revision.toString());
        }
        return new OnePassReader.Read<>(value, revision.longValue(), null);
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
