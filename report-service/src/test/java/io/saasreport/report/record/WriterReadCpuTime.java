package io.saasreport.report.record;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;


import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.QuarkusObjectMapper;

/**
 * What the companies writer spends reading a batch, in CPU time of the calling thread: a second of 5,000 ticks/s over
 * 2,000 companies (5,000 published values, each company's two or three within one minute), read as the writer did
 * before (every record read whole, then conflated) and as it does now (the records superseded within the batch
 * dropped by their ends, {@link RecordCodec#withoutSuperseded}, and the rest read whole). The database's part is not
 * in it. Rounds alternate between the two, in one JVM.
 *
 * <pre>
 * ./mvnw -B -q -pl report-service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * cd report-service && java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.saasreport.report.record.WriterReadCpuTime
 * </pre>
 */
public final class WriterReadCpuTime {

    private static final int COMPANIES = 2_000;
    private static final int RECORDS = 5_000;
    private static final int WARM_UP_ROUNDS = 15;
    private static final int ROUNDS = 11;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WriterReadCpuTime() {
    }

    public static void main(String[] args) {
        RecordCodec codec = new RecordCodec(QuarkusObjectMapper.create());
        List<ConsumerRecord<String, String>> batch = batch();
        double[] everyRecord = new double[ROUNDS];
        double[] keptOnly = new double[ROUNDS];
        int stored = 0;
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            long started = THREADS.getCurrentThreadCpuTime();
            List<Update<CompanyValue>> all = new ArrayList<>();
            for (ConsumerRecord<String, String> record : batch) {
                all.addAll(codec.companiesToStore(List.of(record)).updates()); // one record: read whole
            }
            int before = Conflation.newestPerKeyAndMinute(all).size();
            long between = THREADS.getCurrentThreadCpuTime();
            int after = Conflation.newestPerKeyAndMinute(codec.companiesToStore(codec.withoutSuperseded(batch)).updates())
                    .size();
            long ended = THREADS.getCurrentThreadCpuTime();
            if (before != after) {
                throw new IllegalStateException("the two readings keep " + before + " and " + after + " values");
            }
            stored = after;
            if (round >= 0) {
                everyRecord[round] = (between - started) / 1_000.0 / RECORDS;
                keptOnly[round] = (ended - between) / 1_000.0 / RECORDS;
            }
        }
        Arrays.sort(everyRecord);
        Arrays.sort(keptOnly);
        System.out.printf(Locale.ROOT, "%d records over %d companies, %d values stored; CPU µs per record, fastest / median of %d rounds%n",
                RECORDS, COMPANIES, stored, ROUNDS);
        System.out.printf(Locale.ROOT, "every record read whole:       %.1f / %.1f%n", everyRecord[0], everyRecord[ROUNDS / 2]);
        System.out.printf(Locale.ROOT, "superseded ones dropped first: %.1f / %.1f%n", keptOnly[0], keptOnly[ROUNDS / 2]);
        System.out.printf(Locale.ROOT, "ratio (median):                %.2f%n", keptOnly[ROUNDS / 2] / everyRecord[ROUNDS / 2]);
    }

    /** A second at 5,000 ticks/s: company i % 2,000 at second i / 2,000 of one minute, its revision rising. */
    private static List<ConsumerRecord<String, String>> batch() {
        List<String> templates = new ArrayList<>();
        for (int second = 0; second <= RECORDS / COMPANIES; second++) {
            templates.add(ExampleData.published("BPH", ExampleData.AS_OF.plusSeconds(second), 10 + second, value -> {
            }));
        }
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            String ticker = String.format(Locale.ROOT, "T%04d", i % COMPANIES);
            String value = templates.get(i / COMPANIES).replace("\"ticker\":\"BPH\"", "\"ticker\":\"" + ticker + "\"");
            batch.add(new ConsumerRecord<>("metrics.company", i % 3, i, ticker, value));
        }
        return batch;
    }
}
