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
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.saasreport.metrics.config.MetricsConfig;
import io.saasreport.metrics.domain.universe.AlertThresholds;

/**
 * The metrics service's topology. It only routes: every rule and formula is in the domain package.
 *
 * <pre>
 * market.prices, company.filings, company.estimates, company.profiles, market.macro  (keyed by ticker)
 *   -> apply-event        [company-revisions, company-facts, company-prices (changelogged),
 *                          company-objects (the same companies as objects, per task)]   stage 1, one task per partition
 *        -> changed-companies [company-changed: record cache, no changelog]
 *             each changed company once per commit (requested as soon as the thread's input is drained,
 *             DrainedInput; commit.interval.ms under a backlog):
 *             -> publish-figures [the same stores]  its figures, computed and written once, with its revision
 *                  -> metrics.company (figures and sources; a removed company: a tombstone)
 *                  -> universe-input (the figures alone, compact; repartition topic partitioned by universe name:
 *                                     key ticker, to EVERY partition; a removal: key "|removed|" + ticker, its revision)
 *        -> macro events, key "|macro" -> universe-input (to EVERY partition)
 *        -> &lt;input topic&gt;.dlq               (unreadable records, reason in headers)
 * universe.definitions (compacted, key: universe name; a tombstone removes)
 *   -> read-definition  -> universe-input (key "|definition|" + name, to its name's partition)
 *                        | universe.definitions.dlq
 * universe-input
 *   -> compute-universe [universe-companies, universe-state, universe-definitions, universe-macro]
 *        stage 2, one task per partition: the universes whose name falls on it, the default included
 *        -> metrics.universe   (key: universe name, "universe" for the default; only when changed, at most
 *                               once per publish interval, with its revision)
 *        -> metrics.alerts     (key: universe name; with the change that raised them)
 * </pre>
 */
public final class MetricsTopology {

    /** Stage 1's store of each ticker's revision: its changelog has one partition per stage-1 task. */
    public static final String COMPANY_STATE_STORE = CompanyStores.REVISIONS;

    /** The cache-backed table that holds each changed company until the commit publishes its figures. */
    static final String CHANGED_COMPANIES_STORE = "company-changed";
    /** Stage 1's stores: the changelogged company state and its objects, shared by applying and publishing. */
    private static final String[] COMPANY_STORES = {CompanyStores.REVISIONS, CompanyStores.FACTS, CompanyStores.PRICES,
            HeldCompanies.NAME};

    private MetricsTopology() {
    }

    /** The topology of the service's settings ({@code metrics.*}: topics, universe stage, alert thresholds). */
    public static Topology build(MetricsConfig config, ProcessingMeters meters) {
        MetricsConfig.Topics topic = config.topic();
        StreamsBuilder builder = new StreamsBuilder();
        CompanyStores.builders().forEach(builder::addStateStore);
        builder.addStateStore(HeldCompanies.builder());
        // No cache: its input is already conflated per commit, so each company comes at most once per commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.COMPANIES_STORE),
                Serdes.String(), UniverseStage.companiesSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.STATE_STORE),
                Serdes.String(), UniverseStage.stateSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(UniverseStage.DEFINITIONS_STORE), Serdes.String(),
                UniverseStage.definitionsSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UniverseStage.MACRO_STORE),
                Serdes.String(), UniverseStage.macroSerde()));

        // processValues: the key stays the record's own (the ticker), so the table below needs no repartition.
        KStream<String, Routed> routed = builder
                .stream(inputs(topic), Consumed.with(Serdes.String(), Serdes.String()).withName("input-events"))
                .processValues(() -> new CompanyStage(meters), Named.as("apply-event"), COMPANY_STORES);

        Map<String, KStream<String, Routed>> routes = routed.split(Named.as("route-"))
                .branch((ticker, out) -> out.route() == Routed.Route.COMPANY_CHANGED, Branched.as("company"))
                .branch((key, out) -> out.route() == Routed.Route.MACRO, Branched.as("macro"))
                .defaultBranch(Branched.as("dead-letter"));

        Map<String, KStream<String, Routed>> definitions = builder
                .stream(topic.definitions(), Consumed.with(Serdes.String(), Serdes.String())
                        .withName("definition-records"))
                .process(DefinitionReader::new, Named.as("read-definition"))
                .split(Named.as("definition-"))
                .branch((key, out) -> out.route() == Routed.Route.DEFINITION, Branched.as("valid"))
                .defaultBranch(Branched.as("dead-letter"));

        routes.get("route-dead-letter")
                .merge(definitions.get("definition-dead-letter"), Named.as("dead-letter-records"))
                .mapValues(Routed::value, Named.as("raw-record"))
                .to((key, value, context) -> context.topic() + ".dlq",
                        Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters"));

        Map<String, KStream<String, Routed>> published = routes.get("route-company")
                .mapValues(Routed::value, Named.as("company-revision"))
                .toTable(Named.as("changed-companies"), changedPerCommit())
                .toStream(Named.as("changed-at-commit"))
                .processValues(PublishedFigures::new, Named.as("publish-figures"), COMPANY_STORES)
                .split(Named.as("published-"))
                .branch((ticker, out) -> out.route() == Routed.Route.COMPANY_FIGURES, Branched.as("figures"))
                .branch((ticker, out) -> out.route() == Routed.Route.COMPANY_REMOVED, Branched.as("removed"))
                .defaultBranch(Branched.as("member"));
        published.get("published-figures")
                .mapValues(Routed::bytes, Named.as("company-figures-json"))
                .to(topic.company(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("company-figures"));
        KStream<String, byte[]> members = published.get("published-member")
                .mapValues(Routed::universeInput, Named.as("member-json"))
                .merge(published.get("published-removed")
                        .mapValues(Routed::universeInput, Named.as("removed-revision"))
                        .selectKey((ticker, revision) -> UniverseStage.removedKey(ticker), Named.as("removed-key")),
                        Named.as("members-and-removals"));

        KStream<String, byte[]> macro = routes.get("route-macro")
                .mapValues(Routed::universeInput, Named.as("macro-json"))
                .selectKey((key, value) -> UniverseStage.MACRO_KEY, Named.as("macro-key"));
        KStream<String, byte[]> definitionInputs = definitions.get("definition-valid")
                .mapValues(Routed::universeInput, Named.as("definition-json"));
        universes(members.merge(macro, Named.as("figures-and-macro"))
                .merge(definitionInputs, Named.as("universe-inputs")), config);
        return builder.build();
    }

    /** The topics of market and company events, the ones stage 1 reads. */
    static List<String> inputs(MetricsConfig.Topics topic) {
        return List.of(topic.prices(), topic.filings(), topic.estimates(), topic.profiles(), topic.macro());
    }

    /**
     * Stage 2, partitioned by universe name: the conflated figures and the macro events fan out to every partition
     * after the table, so a burst of ticks still costs one record per company per commit and partition. Figures to
     * metrics.universe, alerts to metrics.alerts.
     */
    private static void universes(KStream<String, byte[]> input, MetricsConfig config) {
        Duration publishInterval = config.universe().publishInterval();
        int partitions = config.universe().partitions();
        AlertThresholds thresholds = new AlertThresholds(config.alerts().companyMultipleMove(),
                config.alerts().medianMove());
        // One per instance (this topology), shared by its universe tasks; sized like the companies held per task.
        FiguresReadOnce figuresRead = new FiguresReadOnce(HeldCompanies.CAPACITY);
        // Bytes: the figures are compact (CompactFigures), the other records their text in UTF-8 (as before).
        input.repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                        .withName("universe-input")
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner(new UniversePartitioner()))
                .process(() -> new UniverseStage(publishInterval, partitions, thresholds, figuresRead),
                        Named.as("compute-universe"),
                        UniverseStage.COMPANIES_STORE, UniverseStage.STATE_STORE, UniverseStage.DEFINITIONS_STORE,
                        UniverseStage.MACRO_STORE)
                .split(Named.as("publish-"))
                .branch((name, out) -> out.route() == Routed.Route.ALERT, Branched.withConsumer(
                        alerts -> alerts.mapValues(Routed::value, Named.as("alert-json"))
                                .to(config.topic().alerts(), Produced.with(Serdes.String(), Serdes.String())
                                        .withName("alerts")),
                        "alert"))
                .defaultBranch(Branched.withConsumer(
                        figures -> figures.mapValues(Routed::value, Named.as("universe-figures-json"))
                                .to(config.topic().universe(), Produced.with(Serdes.String(), Serdes.String())
                                        .withName("universe-figures")),
                        "universe"));
    }

    /**
     * Conflation by Kafka Streams' record cache: each changed ticker waits in the cache and comes out when the
     * transaction commits (or the cache is full), so a company that changed ten times in a commit interval costs
     * one computation of its figures and one {@code metrics.company} record, the last, which is all a
     * {@code read_committed} reader could see anyway. No changelog: the table only holds what is still to be
     * published, and an aborted transaction's input is processed again.
     */
    private static Materialized<String, String, KeyValueStore<Bytes, byte[]>> changedPerCommit() {
        return Materialized.<String, String>as(changedCompaniesStore())
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.String())
                .withCachingEnabled()
                .withLoggingDisabled();
    }

    /**
     * The store under the record cache: it has to exist and open again when Kafka Streams revives its task (a task
     * whose changelog write timed out is closed dirty and initialised again with the same store objects). An
     * in-memory store keeps one short entry per changed ticker; the one-entry LRU map kept nothing but stays closed
     * after such a revival (Kafka 4.1's MemoryLRUCache does not reopen in init), and the cache's next flush then
     * killed the state updater after a 3-minute broker outage.
     */
    static KeyValueBytesStoreSupplier changedCompaniesStore() {
        return Stores.inMemoryKeyValueStore(CHANGED_COMPANIES_STORE);
    }
}
