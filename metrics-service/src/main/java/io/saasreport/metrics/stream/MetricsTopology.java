package io.saasreport.metrics.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The metrics service's topology. It only routes: every rule and formula is in the domain package.
 *
 * <pre>
 * market.prices, company.filings, company.estimates, company.profiles, market.macro  (keyed by ticker)
 *   -> apply-event        [company-revisions, company-facts, company-prices]    stage 1, one task per partition
 *        -> latest-company-figures [company-figures-latest: record cache, no changelog, keeps nothing]
 *             each changed company's latest figures (with its revision), once per commit:
 *             -> metrics.company
 *             -> universe-input (repartition topic, ONE partition, key ticker)
 *        -> macro events, key "|macro" -> universe-input
 *        -> &lt;input topic&gt;.dlq               (unreadable records, reason in headers)
 * universe-input
 *   -> compute-universe [universe-companies, universe-state]       stage 2, one task
 *        -> metrics.universe   (on a wall-clock punctuation, only when changed, with its revision)
 * </pre>
 */
public final class MetricsTopology {

    /** The topics and the universe's publish interval (at most one universe record per interval). */
    public record Settings(String prices, String filings, String estimates, String profiles, String macro,
            String companyFigures, String universe, Duration universePublishInterval) {

        public static Settings defaults() {
            return new Settings("market.prices", "company.filings", "company.estimates", "company.profiles",
                    "market.macro", "metrics.company", "metrics.universe", Duration.ofMillis(100));
        }

        List<String> inputs() {
            return List.of(prices, filings, estimates, profiles, macro);
        }
    }

    /** The cache-backed table that holds each company's figures until the commit writes them. */
    static final String LATEST_FIGURES_STORE = "company-figures-latest";

    private MetricsTopology() {
    }

    public static Topology build(Settings settings, ProcessingMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        CompanyStores.builders().forEach(builder::addStateStore);
        // No cache: its input is already conflated per commit, so each company comes at most once per commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.COMPANIES_STORE),
                Serdes.String(), UniverseStage.companiesSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.STATE_STORE),
                Serdes.String(), UniverseStage.stateSerde()).withCachingEnabled());

        // processValues: the key stays the record's own (the ticker), so the table below needs no repartition.
        KStream<String, Routed> routed = builder
                .stream(settings.inputs(), Consumed.with(Serdes.String(), Serdes.String()).withName("input-events"))
                .processValues(() -> new CompanyStage(meters), Named.as("apply-event"), CompanyStores.ALL);

        Map<String, KStream<String, Routed>> routes = routed.split(Named.as("route-"))
                .branch((ticker, out) -> out.route() == Routed.Route.COMPANY_FIGURES, Branched.as("company"))
                .branch((key, out) -> out.route() == Routed.Route.MACRO, Branched.as("macro"))
                .defaultBranch(Branched.as("dead-letter"));

        routes.get("route-dead-letter").mapValues(Routed::value, Named.as("raw-record"))
                .to((key, value, context) -> context.topic() + ".dlq",
                        Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters"));

        KStream<String, String> latestFigures = routes.get("route-company")
                .mapValues(Routed::value, Named.as("company-json"))
                .toTable(Named.as("latest-company-figures"), latestFiguresPerCommit())
                .toStream(Named.as("company-figures-at-commit"));
        latestFigures.to(settings.companyFigures(), Produced.with(Serdes.String(), Serdes.String())
                .withName("company-figures"));

        KStream<String, String> macro = routes.get("route-macro")
                .mapValues(Routed::value, Named.as("macro-json"))
                .selectKey((key, value) -> UniverseStage.MACRO_KEY, Named.as("macro-key"));
        latestFigures.merge(macro, Named.as("universe-inputs"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String())
                        .withName("universe-input").withNumberOfPartitions(1))
                .process(() -> new UniverseStage(settings.universePublishInterval()), Named.as("compute-universe"),
                        UniverseStage.COMPANIES_STORE, UniverseStage.STATE_STORE)
                .to(settings.universe(), Produced.with(Serdes.String(), Serdes.String()).withName("universe-figures"));
        return builder.build();
    }

    /**
     * Conflation by Kafka Streams' record cache: each ticker's latest figures wait in the cache and are written when
     * the transaction commits (or the cache is full), so a company that changed ten times in a commit interval costs
     * one {@code metrics.company} record, the last, which is all a {@code read_committed} reader could see anyway.
     * No changelog: the table only holds what is still to be written, and an aborted transaction's input is
     * processed again.
     */
    private static Materialized<String, String, KeyValueStore<Bytes, byte[]>> latestFiguresPerCommit() {
        // The cache does the work; the store under it has to exist but need not keep every company's figures
        // (they are on metrics.company): a one-entry LRU map.
        return Materialized.<String, String>as(Stores.lruMap(LATEST_FIGURES_STORE, 1))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.String())
                .withCachingEnabled()
                .withLoggingDisabled();
    }
}
