package io.saasreport.metrics.stream;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import io.saasreport.metrics.domain.AlertThresholds;

/**
 * The metrics service's topology. It only routes: every rule and formula is in the domain package.
 *
 * <pre>
 * market.prices, company.filings, company.estimates, company.profiles, market.macro  (keyed by ticker)
 *   -> apply-event        [company-revisions, company-facts, company-prices]    stage 1, one task per partition
 *        -> metrics.company                  (each change, with the company's revision)
 *        -> &lt;input topic&gt;.dlq               (unreadable records, reason in headers)
 *        -> universe-input (repartition topic partitioned by universe name; each changed company's latest
 *           figures once per interval and macro events at once, both to EVERY partition)
 * universe.definitions (compacted, key: universe name; a tombstone removes)
 *   -> read-definition  -> universe-input (to its name's partition) | universe.definitions.dlq
 *             -> compute-universe [universe-companies, universe-state, universe-definitions, universe-macro]
 *                  stage 2, one task per partition: the universes whose name falls on it, the default included
 *                  -> metrics.universe   (key: universe name, "universe" for the default; on a wall-clock
 *                                         punctuation, only when changed, with its revision)
 *                  -> metrics.alerts     (key: universe name; with the change that raised them)
 * </pre>
 */
public final class MetricsTopology {

    /**
     * The topics, the universes' publish interval (at most one record per universe per interval), the partitions of
     * the universe stage (universes spread over them by name) and the alert thresholds.
     */
    public record Settings(String prices, String filings, String estimates, String profiles, String macro,
            String companyFigures, String universe, Duration universePublishInterval, String definitions,
            String alerts, int universePartitions, AlertThresholds alertThresholds) {

        /** The production topics, with one universe partition (what TopologyTestDriver runs). */
        public static Settings defaults() {
            return new Settings("market.prices", "company.filings", "company.estimates", "company.profiles",
                    "market.macro", "metrics.company", "metrics.universe", Duration.ofMillis(100),
                    "universe.definitions", "metrics.alerts", 1, AlertThresholds.defaults());
        }

        List<String> inputs() {
            return List.of(prices, filings, estimates, profiles, macro);
        }
    }

    private MetricsTopology() {
    }

    public static Topology build(Settings settings, ProcessingMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        CompanyStores.builders().forEach(builder::addStateStore);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.COMPANIES_STORE),
                Serdes.String(), UniverseStage.companiesSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.STATE_STORE),
                Serdes.String(), UniverseStage.stateSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(UniverseStage.DEFINITIONS_STORE), Serdes.String(),
                UniverseStage.definitionsSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.MACRO_STORE),
                Serdes.String(), UniverseStage.macroSerde()));

        KStream<String, Routed> routed = builder
                .stream(settings.inputs(), Consumed.with(Serdes.String(), Serdes.String()).withName("input-events"))
                .process(() -> new CompanyStage(meters, settings.universePublishInterval()), Named.as("apply-event"),
                        CompanyStores.ALL)
                .merge(builder.stream(settings.definitions(), Consumed.with(Serdes.String(), Serdes.String())
                                .withName("definition-records"))
                        .process(DefinitionReader::new, Named.as("read-definition")), Named.as("with-definitions"));

        routed.split(Named.as("route-"))
                .branch((ticker, out) -> out.route() == Routed.Route.COMPANY_FIGURES, Branched.withConsumer(
                        figures -> figures.mapValues(Routed::value, Named.as("company-json"))
                                .to(settings.companyFigures(), Produced.with(Serdes.String(), Serdes.String())
                                        .withName("company-figures")),
                        "company"))
                .branch((key, out) -> out.route() == Routed.Route.DEAD_LETTER, Branched.withConsumer(
                        poison -> poison.mapValues(Routed::value, Named.as("raw-record"))
                                .to((key, value, context) -> context.topic() + ".dlq",
                                        Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters")),
                        "dead-letter"))
                .defaultBranch(Branched.withConsumer(
                        universeInput -> universes(universeInput, settings), "universe"));
        return builder.build();
    }

    /** Stage 2: partitioned by universe name; figures to metrics.universe, alerts to metrics.alerts. */
    private static void universes(KStream<String, Routed> input, Settings settings) {
        input.mapValues(Routed::value, Named.as("universe-json"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String())
                        .withName("universe-input")
                        .withNumberOfPartitions(settings.universePartitions())
                        .withStreamPartitioner(new UniversePartitioner()))
                .process(() -> new UniverseStage(settings.universePublishInterval(), settings.universePartitions(),
                                settings.alertThresholds()), Named.as("compute-universe"),
                        UniverseStage.COMPANIES_STORE, UniverseStage.STATE_STORE, UniverseStage.DEFINITIONS_STORE,
                        UniverseStage.MACRO_STORE)
                .split(Named.as("publish-"))
                .branch((name, out) -> out.route() == Routed.Route.ALERT, Branched.withConsumer(
                        alerts -> alerts.mapValues(Routed::value, Named.as("alert-json"))
                                .to(settings.alerts(), Produced.with(Serdes.String(), Serdes.String())
                                        .withName("alerts")),
                        "alert"))
                .defaultBranch(Branched.withConsumer(
                        figures -> figures.mapValues(Routed::value, Named.as("universe-figures-json"))
                                .to(settings.universe(), Produced.with(Serdes.String(), Serdes.String())
                                        .withName("universe-figures")),
                        "universe"));
    }
}
