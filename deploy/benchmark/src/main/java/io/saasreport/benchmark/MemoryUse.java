package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.mib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.saasreport.stack.LocalStack;

/**
 * The "rss" rows: each service's resident memory from /proc after start, after the load phase and after the storms
 * (ticks, sustained, freshness), and Native Memory Tracking's summary after the storms when the services run with it.
 */
final class MemoryUse {

    private static final List<String> SERVICES = List.of(LocalStack.INGEST, LocalStack.METRICS, LocalStack.REPORT);

    private final Bench bench;
    private final Map<String, Long> idle;
    private Map<String, Long> afterLoad;
    private Map<String, Long> afterStorms;

    /** Takes the idle sizes. */
    MemoryUse(Bench bench) {
        this.bench = bench;
        this.idle = residentSetSizes();
    }

    void afterLoad() {
        afterLoad = residentSetSizes();
    }

    void afterStorms() throws IOException, InterruptedException {
        afterStorms = residentSetSizes();
        nativeMemory();
    }

    /** One row per service: idle / after load / after storms ("-" for a phase not run). */
    void addRows() {
        for (String service : SERVICES) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("idleBytes", orMissing(idle.get(service)));
            values.put("afterLoadBytes", afterLoad == null ? "not run" : orMissing(afterLoad.get(service)));
            values.put("afterStormsBytes", afterStorms == null ? "not run" : orMissing(afterStorms.get(service)));
            bench.results().add("rss", service + " RSS idle / after load / after storms", mib(idle.get(service)) + " / "
                    + (afterLoad == null ? "-" : mib(afterLoad.get(service))) + " / "
                    + (afterStorms == null ? "-" : mib(afterStorms.get(service))) + " MiB", values,
                    "resident memory from /proc: after start, after the load phase, after the storms (ticks, "
                            + "sustained, freshness; before the catch-up restarts the metrics service)");
        }
    }

    /** VmRSS of each service: of the processes the local stack started, else found by their jar. */
    private Map<String, Long> residentSetSizes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Long pid = bench.target().pid(service);
            rss.put(service, pid == null ? null : ProcStatus.residentBytes(pid));
        }
        return rss;
    }

    /**
     * Where each service's memory goes, from Native Memory Tracking, when the services run with it
     * (STACK_JVM_OPTIONS=-XX:NativeMemoryTracking=summary): jcmd's summary beside the JSON, its total in a row.
     */
    private void nativeMemory() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path out = bench.options().out();
        for (String service : SERVICES) {
            Long pid = bench.target().pid(service);
            if (pid == null || !Files.isExecutable(jcmd)) {
                continue;
            }
            Process process = new ProcessBuilder(jcmd.toString(), pid.toString(), "VM.native_memory", "summary", "scale=MB")
                    .redirectErrorStream(true).start();
            String summary = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            int total = summary.indexOf("Total:");
            if (total < 0) {
                continue; // not tracked
            }
            Path file = out.toAbsolutePath().resolveSibling(out.getFileName().toString().replace(".json", "") + "-nmt-" + service + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary);
            String line = summary.substring(total, summary.indexOf('\n', total)).trim();
            bench.results().add("rss", service + " native memory after storms", line, line,
                    "Native Memory Tracking's total (committed is what the JVM uses of the RSS); by category in " + file);
        }
    }

    private static Object orMissing(Long value) {
        return value == null ? "unknown" : value;
    }
}
