package io.saasreport.system;

import java.nio.file.Path;

import io.saasreport.stack.LocalStack;

/** The whole system, started once for every system test class of the JVM and stopped at exit. */
final class SystemUnderTest {

    private static LocalStack stack;

    static synchronized LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.start(root(), root().resolve("deploy/system-test/target/stack"), false);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
        }
        return stack;
    }

    /** The repository root (set by the build; the module's folder is two levels below it). */
    static Path root() {
        return Path.of(System.getProperty("saasreport.root", "../..")).toAbsolutePath().normalize();
    }

    private SystemUnderTest() {
    }
}
