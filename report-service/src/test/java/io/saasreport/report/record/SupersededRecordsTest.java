package io.saasreport.report.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.QuarkusObjectMapper;

/**
 * A batch's company records are read whole only where its conflation can keep them ({@link PublishedVersion}): the
 * result must be what reading every record and then conflating gave, and a kept record that turns out unreadable
 * must leave the one before it kept.
 */
class SupersededRecordsTest {

    private static final ObjectMapper MAPPER = QuarkusObjectMapper.create();
    private static final Instant AS_OF = ExampleData.AS_OF;

    private final RecordCodec codec = new RecordCodec(MAPPER);

    private static String published(String ticker, Instant asOf, long revision) {
        return ExampleData.published(ticker, asOf, revision, value -> {
        });
    }

    private static String published(String ticker, Instant asOf, long revision, Consumer<ObjectNode> change) {
        return ExampleData.published(ticker, asOf, revision, change);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theVersionIsReadFromTheValuesEnds() {
        String value = published("BPH", AS_OF, 12);
        PublishedVersion version = PublishedVersion.of(value, MAPPER.getFactory());
        assertNotNull(version);
        assertEquals("BPH", version.ticker());
        assertEquals(new Version(12L, AS_OF), version.version());
        assertEquals(new Version(-3L, AS_OF), PublishedVersion.of(value.replace("\"revision\":12}", "\"revision\":-3}"),
                MAPPER.getFactory()).version());
        assertEquals(new Version(Long.MAX_VALUE, AS_OF), PublishedVersion.of(
                value.replace("\"revision\":12}", "\"revision\":9223372036854775807}"), MAPPER.getFactory()).version());
        // Anything else is read whole, which decides.
        for (String tail : List.of("\"revision\":1.5}", "\"revision\":\"12\"}", "\"revision\":012}", "\"revision\":null}",
                "\"revision\":9223372036854775808}", "\"revision\":99999999999999999999}", "\"revision\": 12}",
                "\"revision\":12 }", "\"revision\":١٢}", "\"revision\":12}\n", "\"revision\":}", "\"revision\":-}")) {
            assertNull(PublishedVersion.of(value.replace("\"revision\":12}", tail), MAPPER.getFactory()), tail);
        }
        assertNull(PublishedVersion.of(value.replace(",\"revision\":12}", "}"), MAPPER.getFactory()));
        assertNull(PublishedVersion.of(value.replace(",\"revision\":12}", ",\"x\":{\"revision\":12}}"), MAPPER.getFactory()));
        assertNull(PublishedVersion.of(ExampleData.company("BPH", AS_OF, v -> v.put("revision", 12)), MAPPER.getFactory()),
                "ticker and asOf not among the leading fields");
        // The asOf is read from its digits in the form the metrics service writes, by the JDK in any other.
        for (String asOf : List.of("2026-11-20T21:21:00.250Z", "2026-11-20T22:21:00+01:00", "2026-11-20T21:21:00.000000001Z")) {
            assertEquals(new Version(12L, Instant.parse(asOf)), PublishedVersion.of(value.replace(AS_OF.toString(), asOf),
                    MAPPER.getFactory()).version(), asOf);
        }
        assertNull(PublishedVersion.of(value.replace(AS_OF.toString(), "2026-02-30T21:21:00Z"), MAPPER.getFactory()));
        assertNull(PublishedVersion.of(value.replace(AS_OF.toString(), "yesterday"), MAPPER.getFactory()));
        assertNull(PublishedVersion.of("{\"revision\":12}", MAPPER.getFactory()));
        assertNull(PublishedVersion.of("", MAPPER.getFactory()));
    }

    @Test
    void aSupersededRecordIsNotReadAndTheNewestIsReadWhole() {
        Instant second = AS_OF.plusSeconds(1);
        // Unreadable deep inside (a price that is no number), but superseded within the batch: not read.
        String superseded = published("BPH", AS_OF, 1, value -> value.put("price", "not a number"));
        String newest = published("BPH", second, 2);
        Decoded<CompanyValue> stored = codec.companiesToStore(batch(superseded, published("UMV", AS_OF, 7), newest));
        assertEquals(List.of("UMV", "BPH"), stored.updates().stream().map(Update::key).toList());
        assertEquals(new Version(2L, second), stored.updates().get(1).version());
        assertEquals(newest, stored.updates().get(1).payload());
        assertEquals(List.of(), stored.unreadable());
        // What a writer gathering a batch holds of it: the same records, unread.
        assertEquals(List.of(1L, 2L), codec.withoutSuperseded(batch(superseded, published("UMV", AS_OF, 7), newest)).stream()
                .map(ConsumerRecord::offset).toList());
        // The history keeps each minute's last: a record of an earlier minute is read.
        String earlierMinute = published("BPH", AS_OF.minusSeconds(60), 0);
        assertEquals(List.of(0L, 2L), codec.companiesToStore(batch(earlierMinute, superseded, newest)).updates().stream()
                .map(update -> update.version().revision()).toList());
    }

    @Test
    void anUnreadableNewestRecordLeavesTheOneBeforeIt() {
        String before = published("BPH", AS_OF, 1);
        String unreadable = published("BPH", AS_OF.plusSeconds(1), 2, value -> value.put("price", "not a number"));
        List<Function<List<ConsumerRecord<String, String>>, Decoded<?>>> reads =
                List.of(codec::companiesToStore, codec::newestCompanies);
        for (Function<List<ConsumerRecord<String, String>>, Decoded<?>> read : reads) {
            Decoded<?> decoded = read.apply(batch(before, unreadable));
            assertEquals(List.of(new Version(1L, AS_OF)), decoded.updates().stream().map(Update::version).toList());
            assertEquals(1, decoded.unreadable().size());
            assertEquals(1L, decoded.unreadable().get(0).record().offset());
        }
        // A value whose ticker is not the one its leading fields said (a repeated name: the last one counts).
        String renamed = published("BPH", AS_OF.plusSeconds(2), 3)
                .replace(",\"revision\":3}", ",\"ticker\":\"UMV\",\"revision\":3}");
        Decoded<CompanyValue> decoded = codec.companiesToStore(batch(before, renamed));
        assertEquals(List.of("BPH", "UMV"), decoded.updates().stream().map(Update::key).toList());
    }

    /** Random batches: reading only what the conflation keeps gives what reading everything and conflating gave. */
    @Test
    void theConflatedBatchIsTheSameAsWhenEveryRecordIsRead() {
        Random random = new Random(25);
        List<String> tickers = List.of("BPH", "UMV", "OJV");
        for (int round = 0; round < 300; round++) {
            List<String> values = new ArrayList<>();
            Map<String, Long> revisions = new HashMap<>();
            int size = 1 + random.nextInt(12);
            for (int i = 0; i < size; i++) {
                String ticker = tickers.get(random.nextInt(tickers.size()));
                long revision = revisions.merge(ticker, (long) random.nextInt(3) - 1L, Long::sum) + 10;
                Instant asOf = AS_OF.plusSeconds(random.nextInt(150));
                switch (random.nextInt(8)) {
                    case 0 -> values.add("|" + ticker); // a tombstone
                    case 1 -> values.add(published(ticker, asOf, revision, value -> value.put("price", "x")));
                    case 2 -> values.add(ExampleData.company(ticker, asOf, value -> value.put("revision", revision)));
                    default -> values.add(published(ticker, asOf, revision));
                }
            }
            List<ConsumerRecord<String, String>> batch = keyed(values);
            assertEquals(everyRecordRead(batch, codec::companiesToStore, Conflation::newestPerKeyAndMinute),
                    summary(Conflation.newestPerKeyAndMinute(codec.companiesToStore(batch).updates())), describe(values));
            assertEquals(everyRecordRead(batch, codec::newestCompanies, Conflation::newestPerKey),
                    summary(Conflation.newestPerKey(codec.newestCompanies(batch).updates())), describe(values));
        }
    }

    /** A batch in short: each value's ticker, revision and asOf; whether it is unreadable, or not in the published order. */
    private static String describe(List<String> values) {
        return values.stream().map(value -> {
            if (value.startsWith("|")) {
                return "tombstone " + value.substring(1);
            }
            JsonNode tree = read(value);
            return tree.get("ticker").asText() + " " + tree.path("revision").asLong() + " " + tree.get("asOf").asText()
                    + (value.contains("\"price\":\"x\"") ? " unreadable" : "")
                    + (value.startsWith("{\"ticker\"") ? "" : " in another order");
        }).toList().toString();
    }

    private static <T> List<String> everyRecordRead(List<ConsumerRecord<String, String>> batch,
            Function<List<ConsumerRecord<String, String>>, Decoded<T>> read,
            Function<List<Update<T>>, Collection<Update<T>>> conflation) {
        List<Update<T>> all = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            all.addAll(read.apply(List.of(record)).updates()); // a batch of one is always read whole
        }
        return summary(conflation.apply(all));
    }

    /** Each update in short, by company (stable: a company's minutes keep their order; the order of companies may differ). */
    private static <T> List<String> summary(Collection<Update<T>> updates) {
        return updates.stream().sorted(Comparator.comparing(Update::key))
                .map(update -> update.key() + " " + update.version() + " #" + Objects.hashCode(update.payload())).toList();
    }

    private static List<ConsumerRecord<String, String>> batch(String... values) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (String value : values) {
            batch.add(new ConsumerRecord<>("metrics.company", 0, batch.size(), read(value).get("ticker").asText(), value));
        }
        return batch;
    }

    /** Values with their ticker as key; "|T" is a tombstone of T. */
    private static List<ConsumerRecord<String, String>> keyed(List<String> values) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        Iterator<String> each = values.iterator();
        while (each.hasNext()) {
            String value = each.next();
            boolean tombstone = value.startsWith("|");
            String key = tombstone ? value.substring(1) : read(value).get("ticker").asText();
            batch.add(new ConsumerRecord<>("metrics.company", 0, batch.size(), key, tombstone ? null : value));
        }
        return batch;
    }
}
