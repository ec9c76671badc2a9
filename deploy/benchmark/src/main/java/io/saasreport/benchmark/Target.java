package io.saasreport.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.saasreport.stack.LocalStack;

/**
 * The system measured: a fresh local stack the benchmark starts and stops (--stack=local), or one already running at
 * the addresses of the options (--stack=running, {@code stack} null). {@code jdbcUrl} is the report's database.
 */
record Target(LocalStack stack, URI ingest, URI metrics, URI report, String bootstrap, String apiKey, String jdbcUrl) {

    static Target open(Options options, Path root) {
        if (!options.startLocalStack()) {
            return new Target(null, options.ingest(), options.metrics(), options.report(), options.bootstrapServers(),
                    options.apiKey(), options.jdbcUrl());
        }
        LocalStack stack = LocalStack.start(root, root.resolve("deploy/benchmark/target/stack"), false);
        return new Target(stack, stack.uri(LocalStack.INGEST), stack.uri(LocalStack.METRICS), stack.uri(LocalStack.REPORT),
                stack.bootstrapServers(), stack.apiKey(), stack.jdbcUrl("report"));
    }

    /** Whether the benchmark started the stack, and so may stop and start its services. */
    boolean startedHere() {
        return stack != null;
    }

    /** The service's process: the one the local stack started, else found by its jar; null when none is found. */
    Long pid(String service) {
        return stack != null ? Long.valueOf(stack.process(service).pid()) : findPid(service);
    }

    /** Stops the stack when the benchmark started it. */
    void close() {
        if (stack != null) {
            stack.stop();
        }
    }

    private static Long findPid(String service) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().orElse("").contains(service + "/target/quarkus-app/quarkus-run.jar")
                    || (p.info().commandLine().orElse("").contains("quarkus-run.jar") && ProcStatus.cwdEndsWith(p.pid(), service)))
                    .map(ProcessHandle::pid).findFirst().orElse(null);
        }
    }
}
