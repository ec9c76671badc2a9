package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A service starts with its own start heap, unless its largest heap (STACK_SERVICE_HEAP) is set below it. */
class StartHeapTest {

    @Test
    void theStartHeapIsCappedByTheLargest() {
        assertEquals("256m", StackEnvironment.startHeap("256m", "640m"));
        assertEquals("160m", StackEnvironment.startHeap("256m", "160m"), "a JVM refuses -Xms above -Xmx");
        assertEquals("1G", StackEnvironment.startHeap("2g", "1G"));
        assertEquals("64m", StackEnvironment.startHeap("64m", "64M"));
    }

    @Test
    void sizesReadAsTheJvmReadsThem() {
        assertEquals(256L << 20, StackEnvironment.bytes("256m"));
        assertEquals(2L << 30, StackEnvironment.bytes("2G"));
        assertEquals(96L << 10, StackEnvironment.bytes("96k"));
        assertEquals(1_000_000L, StackEnvironment.bytes("1000000"));
    }

    @Test
    void theMetricsServiceStartsLargerThanTheOthers() {
        for (StackEnvironment.Service service : StackEnvironment.SERVICES) {
            assertEquals(service.name().equals(LocalStack.METRICS) ? "256m" : "64m", service.startHeap(), service.name());
        }
    }
}
