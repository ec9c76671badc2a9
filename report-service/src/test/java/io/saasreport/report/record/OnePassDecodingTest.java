package io.saasreport.report.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.QuarkusObjectMapper;

/**
 * The codec reads each value in one pass; every value must decode exactly as the tree-based decoding it replaced
 * (written out plainly below): the same figures, version, JSON without sources, or the same dead-letter reason.
 */
class OnePassDecodingTest {

    private static final ObjectMapper MAPPER = QuarkusObjectMapper.create();
    private static final Instant AS_OF = ExampleData.AS_OF;

    private final RecordCodec codec = new RecordCodec(MAPPER);
    private final OnePassReader onePass = new OnePassReader(MAPPER);

    @Test
    void theUsualValuesAreReadInOnePass() {
        String company = ExampleData.company("BPH", AS_OF, value -> value.put("revision", 12));
        OnePassReader.Read<CompanyMetrics> read = onePass.read(company, CompanyMetrics.class, true);
        assertNotNull(read);
        assertEquals(12L, read.revision());
        assertEquals("BPH", read.value().ticker());
        assertNotNull(onePass.read(ExampleData.universe(AS_OF), UniverseStatistics.class, false));
        assertNotNull(onePass.read(company.replace("\"revision\":12", "\"revision\":null"), CompanyMetrics.class, true));
    }

    @Test
    void unusualValuesAreLeftToTheTree() {
        for (String revision : List.of("1.5", "5.0", "\"5\"", "99999999999999999999", "{}", "true")) {
            String company = ExampleData.company("BPH", AS_OF).replaceFirst("^\\{", "{\"revision\":" + revision + ",");
            assertNull(onePass.read(company, CompanyMetrics.class, true), revision);
        }
        assertNull(onePass.read("{\"ticker\":\"BPH\",\"ticker\":\"UMV\",\"asOf\":\"" + AS_OF + "\"}", CompanyMetrics.class, true));
        String company = ExampleData.company("BPH", AS_OF);
        assertNull(onePass.read(company.replaceFirst("^\\{", "{\"extra\":[{\"a\":1,\"b\":{\"c\":1,\"c\":2}}],"),
                CompanyMetrics.class, true), "a repeated name deep in a copied value");
        // Nothing in the sources is bound, so a repeated name there is not looked for.
        String repeatedInSources = company.replaceFirst("\"sources\":\\{", "\"sources\":{\"a\":{\"b\":1,\"b\":2},\"a\":3,");
        assertNotNull(onePass.read(repeatedInSources, CompanyMetrics.class, true));
        sameCompany(repeatedInSources);
    }

    @Test
    void revisionsDecodeAsBefore() {
        for (String revision : List.of("7", "0", "-3", "null", "1.5", "5.0", "1e3", "\"x\"", "\"5\"", "true", "{}", "[1]",
                "9223372036854775807", "9223372036854775808", "99999999999999999999", "-9223372036854775808", "1e300",
                "-0")) {
            String company = ExampleData.company("BPH", AS_OF);
            sameCompany(company.replaceFirst("^\\{", "{\"revision\":" + revision + ","));
            sameCompany(company.replaceFirst("}$", ",\"revision\":" + revision + "}"));
            sameCompany(company.replaceFirst("\"ticker\"", "\"revision\":" + revision + ",\"ticker\""));
            String universe = ExampleData.universe(AS_OF);
            sameUniverse(universe.replaceFirst("^\\{", "{\"revision\":" + revision + ","));
            sameUniverse(universe.replaceFirst("}$", ",\"revision\":" + revision + "}"));
        }
        sameCompany(ExampleData.company("BPH", AS_OF)); // no revision at all
        sameUniverse(ExampleData.universe(AS_OF));
    }

    @Test
    void sourcesDecodeAsBefore() {
        String company = ExampleData.company("UMV", AS_OF, value -> value.put("revision", 3));
        sameCompany(company);
        sameCompany(ExampleData.company("UMV", AS_OF, value -> value.remove("sources")));
        sameCompany(ExampleData.company("UMV", AS_OF, value -> value.putNull("sources")));
        sameCompany(ExampleData.company("UMV", AS_OF, value -> value.put("sources", "text")));
        sameCompany(ExampleData.company("UMV", AS_OF, value -> value.putArray("sources").add(1.50)));
        sameCompany(company.replaceFirst("^\\{", "{\"sources\":{\"a\":1,\"a\":2},")); // sources first, twice
        sameCompany(company.replaceFirst("\"sources\":\\{", "\"sources\":{\"x\":[1,}")); // a syntax error inside
        for (String ticker : ExampleData.TICKERS) {
            sameCompany(ExampleData.company(ticker, AS_OF));
        }
    }

    @Test
    void unknownFieldsNumbersAndTextDecodeAsBefore() {
        String company = ExampleData.company("BPH", AS_OF, value -> value.put("revision", 9));
        sameCompany(company.replaceFirst("^\\{", "{\"extra\":{\"deep\":[1,2.50,{\"a\":null}],\"b\":\"c\"},\"flag\":true,"));
        sameCompany(company.replaceFirst("^\\{", "{\"extra\":{\"a\":1,\"a\":2},")); // a repeated name in an unknown field
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":1.50"));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":1e2"));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":-0.0"));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":1E400"));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":100"));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":0.1000000000000000055511151231257827"));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":123456789012345678901234567890"));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":\"12.5\""));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":null"));
        sameCompany(company.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"A\\\\/B \\\\u00e9 \\\\\\\"q\\\\\\\" \u00e8\""));
        sameCompany(company.replaceFirst("\"price\":[^,]+", "\"price\":1000.0,\"price\":1001.0")); // a repeated figure
        sameCompany(company.replace(",", " ,\n  ").replace(":", " : "));
        sameCompany(company + "  trailing");
        String deep = "[".repeat(5_000) + "]".repeat(5_000); // beyond the parser's depth limit
        sameCompany(company.replaceFirst("^\\{", "{\"extra\":" + deep + ","));
        sameCompany(company.replaceFirst("\"sources\":\\{", "\"sources\":{\"deep\":" + deep + ","));
    }

    /**
     * The one pass parses numbers with Jackson's fast parser, the tree with the JDK's: every double must agree, and
     * the one pass must read each value the tree reads (else the comparison would only ever see the tree).
     */
    @Test
    void everyDoubleDecodesAsBefore() {
        List<String> texts = new ArrayList<>(List.of("2.2250738585072011e-308", "2.2250738585072012e-308",
                "2.4703282292062328e-324", "2.4703282292062327e-324", "4.9e-324", "9007199254740993.0",
                "9007199254740993", "1.7976931348623157e308", "1.7976931348623159e308", "0.1", "1e23", "8.41e21",
                "5e-324", "1.00000000000000011102230246251565404236316680908203125", "123456789012345678901234567890.5"));
        Random random = new Random(25);
        for (int i = 0; i < 2_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                texts.add(Double.toString(value));
                texts.add(String.format(Locale.ROOT, "%.17g", value));
            }
            String digits = Long.toString(Math.abs(random.nextLong())) + Long.toString(Math.abs(random.nextLong()));
            texts.add(digits.substring(0, 1 + random.nextInt(digits.length() - 1)) + "."
                    + digits.substring(random.nextInt(digits.length() - 1)) + "e" + (random.nextInt(700) - 350));
        }
        String company = ExampleData.company("BPH", AS_OF, value -> value.put("revision", 9));
        for (String text : texts) {
            String json = company.replaceFirst("\"price\":[^,]+", "\"price\":" + text);
            sameCompany(json);
            if (before(json, CompanyMetrics.class, false).failure() == null) {
                assertNotNull(onePass.read(json, CompanyMetrics.class, true), text);
            }
        }
    }

    @Test
    void unreadableValuesGiveTheSameReasons() {
        String company = ExampleData.company("BPH", AS_OF, value -> value.put("revision", 2));
        for (String value : List.of("", " ", "null", "[]", "5", "\"x\"", "{", "{\"ticker\":", company.substring(0, company.length() / 2),
                "{\"asOf\":\"" + AS_OF + "\"}", "{\"ticker\":\"BPH\"}", "{\"ticker\":\"BPH\",\"asOf\":\"yesterday\"}",
                company.replaceFirst("\"price\":[^,]+", "\"price\":\"abc\""),
                company.replaceFirst("\"price\":[^,]+", "\"price\":{\"a\":1}"),
                company.replaceFirst("\"price\":[^,]+", "\"price\":NaN"),
                company.replaceFirst("\"ticker\":\"BPH\"", "\"ticker\":\"" + "X".repeat(33) + "\""),
                company.replaceFirst("\"ticker\":\"BPH\"", "\"ticker\":\"" + "X".repeat(33) + "\"").replace("\"revision\":2", "\"revision\":\"x\""),
                company.replace("\"revision\":2", "\"revision\":2.5").replaceFirst("\"price\":[^,]+", "\"price\":\"abc\""),
                company.replaceFirst("\"sources\":\\{", "\"sources\":{\"x\":[1,}").replace("\"revision\":2", "\"revision\":\"x\""))) {
            sameCompany(value);
            sameUniverse(value);
        }
    }

    private void sameCompany(String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("metrics.company", 0, 0, "BPH", json);
        assertEquals(before(json, CompanyMetrics.class, true), after(codec::companiesToStore, record, true), json);
        assertEquals(before(json, CompanyMetrics.class, false), after(codec::newestCompanies, record, false), json);
    }

    private void sameUniverse(String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("metrics.universe", 0, 0, "universe", json);
        assertEquals(before(json, UniverseStatistics.class, false), after(codec::universe, record, false), json);
    }

    /** What a value decoded to: the update's parts, or the dead letter's reason, or the exception thrown. */
    private record Outcome(String key, Version version, Object value, String asServed, String payload, String failure) {
    }

    private static <T> Outcome after(Function<List<ConsumerRecord<String, String>>, Decoded<T>> decode,
            ConsumerRecord<String, String> record, boolean asServed) {
        Decoded<T> decoded;
        try {
            decoded = decode.apply(List.of(record));
        } catch (RuntimeException e) {
            return new Outcome(null, null, null, null, null, e.getClass().getName());
        }
        if (!decoded.unreadable().isEmpty()) {
            assertEquals(List.of(), decoded.updates());
            return new Outcome(null, null, null, null, null, decoded.unreadable().get(0).reason());
        }
        Update<T> update = decoded.updates().get(0);
        Object value = update.value() instanceof CompanyValue company ? company.metrics() : update.value();
        String rest = asServed ? ((CompanyValue) update.value()).asServed() : null;
        return new Outcome(update.key(), update.version(), value, rest, update.payload(), null);
    }

    /** The decoding as it was: the value's tree bound, its revision read from it, the bound figures written as served. */
    private static Outcome before(String json, Class<?> type, boolean asServed) {
        String name = type.getSimpleName();
        try {
            JsonNode tree = MAPPER.readTree(json);
            Object value = MAPPER.treeToValue(tree, type);
            Instant asOf;
            String key;
            if (value instanceof CompanyMetrics metrics) {
                if (metrics.ticker().length() > 32) {
                    throw new IllegalArgumentException("ticker longer than 32 characters");
                }
                if (metrics.name() != null && metrics.name().length() > 256) {
                    throw new IllegalArgumentException("name longer than 256 characters");
                }
                key = metrics.ticker();
                asOf = metrics.asOf();
            } else {
                key = "universe";
                asOf = ((UniverseStatistics) value).asOf();
            }
            JsonNode revision = tree.get("revision");
            Version version;
            if (revision == null || revision.isNull()) {
                version = new Version(null, asOf);
            } else if (!revision.canConvertToExactIntegral() || !revision.canConvertToLong()) {
                throw new IllegalArgumentException("revision is not an integer: " + revision);
            } else {
                version = new Version(revision.longValue(), asOf);
            }
            String rest = asServed ? MAPPER.writeValueAsString(value) : null;
            return new Outcome(key, version, value, rest, json, null);
        } catch (JsonProcessingException e) {
            return new Outcome(null, null, null, null, null, "Not a valid " + name + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return new Outcome(null, null, null, null, null, "Not a valid " + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(null, null, null, null, null, e.getClass().getName());
        }
    }

    @Test
    void aBatchKeepsItsOrderAndSplitsTheUnreadable() {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        batch.add(new ConsumerRecord<>("metrics.company", 0, 0, "BPH", ExampleData.company("BPH", AS_OF)));
        batch.add(new ConsumerRecord<>("metrics.company", 0, 1, "UMV", "{\"revision\":\"x\"}"));
        batch.add(new ConsumerRecord<>("metrics.company", 0, 2, "UMV", null));
        batch.add(new ConsumerRecord<>("metrics.company", 0, 3, "UMV", ExampleData.company("UMV", AS_OF, v -> v.put("revision", 4))));
        Decoded<CompanyValue> decoded = codec.companiesToStore(batch);
        assertEquals(List.of("BPH", "UMV", "UMV"), decoded.updates().stream().map(Update::key).toList());
        assertEquals(List.of(false, true, false), decoded.updates().stream().map(Update::isTombstone).toList());
        assertEquals(4L, decoded.updates().get(2).version().revision());
        assertEquals(1, decoded.unreadable().size());
        assertEquals(1L, decoded.unreadable().get(0).record().offset());
    }
}
