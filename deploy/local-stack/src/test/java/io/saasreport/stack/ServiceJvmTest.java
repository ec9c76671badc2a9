package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JVM command a service is launched with: its heaps, the stack's options, then its own. */
class ServiceJvmTest {

    private static final StackEnvironment.Service METRICS = StackEnvironment.service(LocalStack.METRICS);
    private static final StackEnvironment.Service REPORT = StackEnvironment.service(LocalStack.REPORT);

    @Test
    void aServiceRunsWithItsHeapsAndTheStacksOptions() {
        List<String> java = StackEnvironment.javaCommand(METRICS, Map.of());
        assertEquals(List.of("-Xms256m", "-Xmx640m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000",
                "-XX:+ExitOnOutOfMemoryError", "-XX:MinHeapFreeRatio=25", "-XX:MaxHeapFreeRatio=50",
                "-XX:SurvivorRatio=4"), java.subList(1, java.size()));
    }

    @Test
    void aServicesOwnOptionsComeLastSoThatTheyWin() {
        Map<String, String> env = Map.of("STACK_JVM_OPTIONS", " -Xlog:gc ", "STACK_REPORT_JVM_OPTIONS", "-Xms128m  -Xmn48m",
                "STACK_SERVICE_HEAP", "192m");
        List<String> report = StackEnvironment.javaCommand(REPORT, env);
        assertEquals(List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000",
                "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc", "-Xms128m", "-Xmn48m"), report.subList(1, report.size()));
        List<String> metrics = StackEnvironment.javaCommand(METRICS, env);
        assertEquals(List.of("-Xms192m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000",
                "-XX:+ExitOnOutOfMemoryError", "-XX:MinHeapFreeRatio=25", "-XX:MaxHeapFreeRatio=50",
                "-XX:SurvivorRatio=4", "-Xlog:gc"), metrics.subList(1, metrics.size()),
                "another service's options stay its own");
    }

    @Test
    void aProcessOfTheServicesJvmCapsGlibcsArenas() {
        ProcessBuilder process = LocalStack.javaProcess(LocalStack.METRICS, List.of("-version"));
        assertEquals(StackEnvironment.javaCommand(METRICS).size() + 1, process.command().size());
        assertEquals("-version", process.command().get(process.command().size() - 1));
        assertEquals(System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"), process.environment().get("MALLOC_ARENA_MAX"));
    }

    @Test
    void eachServiceHasItsVariable() {
        assertEquals("STACK_METRICS_JVM_OPTIONS", StackEnvironment.serviceOptionsVariable(LocalStack.METRICS));
        assertEquals("STACK_REPORT_JVM_OPTIONS", StackEnvironment.serviceOptionsVariable(LocalStack.REPORT));
        assertEquals("STACK_INGEST_JVM_OPTIONS", StackEnvironment.serviceOptionsVariable(LocalStack.INGEST));
    }
}
