package io.saasreport.report.record;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.QuarkusObjectMapper;

/**
 * What a published company's {@code sources} cost the report's two readers of every {@code metrics.company} record,
 * in CPU time and bytes allocated by the calling thread per record: 5,000 records of 5,000 companies (nothing
 * superseded), each decoded from its UTF-8 bytes as the consumer's {@link StringDeserializer} does, then read by the
 * view ({@link RecordCodec#newestCompanies}) and by the companies writer ({@link RecordCodec#companiesToStore}), once
 * as published (with its sources) and once without them. Rounds alternate, in one JVM.
 *
 * <pre>
 * ./mvnw -B -q -pl report-service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * cd report-service && java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.saasreport.report.record.SourcesReadCost
 * </pre>
 */
public final class SourcesReadCost {

    private static final int RECORDS = 5_000;
    private static final int WARM_UP_ROUNDS = 15;
    private static final int ROUNDS = 11;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final StringDeserializer STRINGS = new StringDeserializer();
    private static final List<String> TICKERS = IntStream.range(0, RECORDS)
            .mapToObj(i -> String.format(Locale.ROOT, "T%04d", i)).toList();

    /** Keeps the results reachable, so the JIT cannot drop the work. */
    static volatile Object sink;

    private SourcesReadCost() {
    }

    /** CPU microseconds and allocated kilobytes per record. */
    private record Cost(double micros, double kilobytes) {
    }

    public static void main(String[] args) {
        RecordCodec codec = new RecordCodec(QuarkusObjectMapper.create());
        String published = ExampleData.published("BPH", ExampleData.AS_OF, 10, value -> {
        });
        String withoutSources = ExampleData.published("BPH", ExampleData.AS_OF, 10, value -> value.remove("sources"));
        List<byte[]> with = values(published);
        List<byte[]> without = values(withoutSources);
        String[] names = {"view, with sources", "view, without", "writer, with sources", "writer, without"};
        Cost[][] costs = new Cost[names.length][ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            Cost[] measured = {
                cost(() -> sink = codec.newestCompanies(records(with))),
                cost(() -> sink = codec.newestCompanies(records(without))),
                cost(() -> sink = codec.companiesToStore(records(with))),
                cost(() -> sink = codec.companiesToStore(records(without)))};
            if (round >= 0) {
                for (int i = 0; i < names.length; i++) {
                    costs[i][round] = measured[i];
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d records of %d and %d bytes (with and without sources); per record, median of %d rounds%n",
                RECORDS, published.length(), withoutSources.length(), ROUNDS);
        for (int i = 0; i < names.length; i++) {
            double[] micros = Arrays.stream(costs[i]).mapToDouble(Cost::micros).sorted().toArray();
            double[] kilobytes = Arrays.stream(costs[i]).mapToDouble(Cost::kilobytes).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-22s %6.1f µs CPU  %6.1f kB allocated%n", names[i], micros[ROUNDS / 2],
                    kilobytes[ROUNDS / 2]);
        }
    }

    private static Cost cost(Runnable reading) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        reading.run();
        return new Cost((THREADS.getCurrentThreadCpuTime() - cpu) / 1_000.0 / RECORDS,
                (THREADS.getCurrentThreadAllocatedBytes() - allocated) / 1_000.0 / RECORDS);
    }

    /** The records' values as the broker hands them over: one company each. */
    private static List<byte[]> values(String template) {
        List<byte[]> values = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            values.add(template.replace("\"ticker\":\"BPH\"", "\"ticker\":\"" + TICKERS.get(i) + "\"")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    /** The consumer's records: each value decoded as the consumer's deserializer does. */
    private static List<ConsumerRecord<String, String>> records(List<byte[]> values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            records.add(new ConsumerRecord<>("metrics.company", i % 3, i, TICKERS.get(i),
                    STRINGS.deserialize("metrics.company", values.get(i))));
        }
        return records;
    }
}
