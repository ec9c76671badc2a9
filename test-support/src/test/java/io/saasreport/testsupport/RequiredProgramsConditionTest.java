package io.saasreport.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

class RequiredProgramsConditionTest {

    @TempDir
    Path bin;

    @TempDir
    Path otherBin;

    @Test
    void runsWhenEveryProgramIsOnThePath() throws IOException {
        executable(bin.resolve("chromium"));
        executable(otherBin.resolve("chromedriver"));

        ConditionEvaluationResult result = RequiredProgramsCondition.evaluate(
                List.of(Program.CHROMIUM, Program.CHROMEDRIVER), bin + File.pathSeparator + otherBin, true);

        assertFalse(result.isDisabled());
        assertEquals(otherBin.resolve("chromedriver"), Program.CHROMEDRIVER.findOn(bin + File.pathSeparator + otherBin).orElseThrow());
    }

    @Test
    void skipsWithTheMissingProgramsAndTheirPackages() throws IOException {
        executable(bin.resolve("chromium"));
        Files.createFile(bin.resolve("prometheus")); // present but not executable: does not count

        ConditionEvaluationResult result = RequiredProgramsCondition.evaluate(
                List.of(Program.CHROMIUM, Program.CHROMEDRIVER, Program.PROMETHEUS), bin.toString(), false);

        assertTrue(result.isDisabled());
        assertEquals("needs chromedriver, prometheus (not on the PATH): apt-get install chromium-driver prometheus",
                result.getReason().orElseThrow());
    }

    @Test
    void failsNamingTheProgramWhereProgramsAreRequired() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> RequiredProgramsCondition.evaluate(List.of(Program.PROMETHEUS), bin.toString(), true));

        assertEquals("needs prometheus (not on the PATH): apt-get install prometheus (REQUIRE_TEST_PROGRAMS=true: required here)",
                failure.getMessage());
    }

    private static void executable(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
