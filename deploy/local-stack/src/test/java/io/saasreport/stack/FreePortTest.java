package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

    /** A stack asks for six ports before it binds any; the kernel hands a port just closed out again. */
    @Test
    void portsAskedForOneAfterAnotherAreDistinct() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(FreePort.find());
        }
        assertEquals(2_000, ports.size());
    }
}
