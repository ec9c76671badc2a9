package io.saasreport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists, at the end of a module's tests, the test classes skipped because a program was missing and what to
 * install to run them. Skips are kept in {@code target/skipped-tests.txt} of the module (a file, because a
 * Quarkus test's condition may run in another class loader than this listener); the system tests, last in
 * the build, also sum up every module's file, so the end of {@code ./mvnw verify} says it for the whole build.
 * Registered through {@code META-INF/services}.
 */
public final class SkippedTestsSummary implements TestExecutionListener {

    /** Set (to {@code true}) by the last module of the build to list the skips of every module. */
    public static final String BUILD_SUMMARY_PROPERTY = "saasreport.skipped-tests.build-summary";
    private static final Path FILE = Path.of("target", "skipped-tests.txt");

    static void record(String testClass, String reason) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, testClass + ": " + reason + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the skip of " + testClass, e);
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        print("in this module", read(FILE));
        String root = System.getProperty("saasreport.root");
        if (Boolean.getBoolean(BUILD_SUMMARY_PROPERTY) && root != null) {
            print("in the whole build", everyModule(Path.of(root)));
        }
    }

    private static void print(String where, List<String> skips) {
        if (skips.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("[skipped tests] ").append(skips.size())
                .append(" test class(es) skipped ").append(where).append(" because a program is missing (")
                .append(RequiredProgramsCondition.REQUIRE_VARIABLE).append("=true fails instead):");
        skips.forEach(skip -> text.append(System.lineSeparator()).append("[skipped tests]   ").append(skip));
        System.out.println(text);
    }

    /** Every module's record: the modules sit one or two folders below the root. */
    private static List<String> everyModule(Path root) {
        List<String> skips = new ArrayList<>();
        try (Stream<Path> files = Files.find(root, 4, (path, attributes) -> path.endsWith(FILE))) {
            files.sorted().forEach(file -> skips.addAll(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return skips;
    }

    private static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
