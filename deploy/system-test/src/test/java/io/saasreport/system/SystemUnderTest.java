package io.saasreport.system;

import java.nio.file.Path;

import io.saasreport.stack.LocalStack;

/**
 * The whole system, started once for the system test classes of the JVM and stopped at exit.
 * {@link #stack()} holds at most the spec's worked example; a test class that loads other data (or
 * needs figures from nothing) takes {@link #freshStack()}, and the next {@link #stack()} starts clean.
 */
final class SystemUnderTest {

    private static LocalStack stack;
    private static boolean dirty;

    static synchronized LocalStack stack() {
        if (stack == null || dirty) {
            startClean();
            dirty = false;
        }
        return stack;
    }

    /** A stack started from empty state, for the caller alone: later {@link #stack()} calls start again. */
    static synchronized LocalStack freshStack() {
        startClean();
        dirty = true;
        return stack;
    }

    private static void startClean() {
        if (stack == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(SystemUnderTest::stopAtExit));
        } else {
            stack.stop();
        }
        stack = LocalStack.start(root(), root().resolve("deploy/system-test/target/stack"), false);
    }

    private static synchronized void stopAtExit() {
        if (stack != null) {
            stack.stop();
        }
    }

    /** The repository root (set by the build; the module's folder is two levels below it). */
    static Path root() {
        return Path.of(System.getProperty("saasreport.root", "../..")).toAbsolutePath().normalize();
    }

    private SystemUnderTest() {
    }
}
