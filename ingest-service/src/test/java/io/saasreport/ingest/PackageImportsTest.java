package io.saasreport.ingest;

import org.junit.jupiter.api.Test;

import io.saasreport.testsupport.ImportCycles;

class PackageImportsTest {

    @Test
    void packagesImportOneAnotherOneWayOnly() {
        ImportCycles.assertNoneIn("io.saasreport.ingest");
    }
}
