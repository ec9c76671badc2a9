package io.saasreport.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whether a stream thread that lags computes or waits for a core: Linux's scheduler figures of each thread
 * ({@code /proc/<pid>/task/<tid>/schedstat}: nanoseconds run on a core, nanoseconds runnable but waiting for one),
 * taken at both ends of a window. A thread is known by its name as the kernel keeps it, the first 15 characters
 * (a Kafka Streams thread's starts with its application id); of those, the one that ran most in the window is taken.
 */
final class CoreWait {

    /** One thread's scheduler totals, in nanoseconds. */
    record Totals(long onCore, long waiting) {
    }

    /** A thread's shares of a window's wall time: on a core, and runnable but waiting for one. */
    record Share(double onCore, double waiting) {

        String text() {
            return Figures.percent(onCore) + " / " + Figures.percent(waiting);
        }

        Map<String, Double> asMap() {
            return Map.of("onCore", onCore, "waiting", waiting);
        }
    }

    /** The totals of the threads of {@code pid} whose name starts with {@code name}, by thread id; empty off Linux. */
    static Map<Long, Totals> threads(long pid, String name) {
        String kernelName = name.length() > 15 ? name.substring(0, 15) : name;
        Map<Long, Totals> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(task.resolve("comm")).strip().startsWith(kernelName)) {
                        continue;
                    }
                    String[] fields = Files.readString(task.resolve("schedstat")).strip().split(" ");
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new Totals(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
                } catch (IOException | RuntimeException gone) {
                    // The thread ended meanwhile, or the kernel keeps no scheduler figures: not counted.
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return threads;
    }

    /**
     * The shares of the thread that ran most between the two samples (a thread in both), over {@code wallNanos};
     * null when none is.
     */
    static Share busiest(Map<Long, Totals> before, Map<Long, Totals> after, long wallNanos) {
        Share busiest = null;
        long mostOnCore = -1;
        for (Map.Entry<Long, Totals> thread : after.entrySet()) {
            Totals start = before.get(thread.getKey());
            if (start == null) {
                continue;
            }
            long onCore = thread.getValue().onCore() - start.onCore();
            if (onCore > mostOnCore) {
                mostOnCore = onCore;
                busiest = new Share((double) onCore / wallNanos,
                        (double) (thread.getValue().waiting() - start.waiting()) / wallNanos);
            }
        }
        return busiest;
    }

    private CoreWait() {
    }
}
