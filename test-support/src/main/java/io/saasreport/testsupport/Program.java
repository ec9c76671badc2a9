package io.saasreport.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A program outside the JVM that some tests drive, and the Debian package that installs it. */
public enum Program {
    CHROMIUM("chromium", "chromium"),
    CHROMEDRIVER("chromedriver", "chromium-driver"),
    PROMETHEUS("prometheus", "prometheus");

    private final String command;
    private final String debianPackage;

    Program(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    public String command() {
        return command;
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** The executable on the PATH, as a shell would find it. */
    public Optional<Path> find() {
        return findOn(System.getenv().getOrDefault("PATH", ""));
    }

    Optional<Path> findOn(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The executable, for a test that {@link RequiresPrograms} it (so it is known to be there). */
    public Path path() {
        return find().orElseThrow(() -> new IllegalStateException(command + " is not on the PATH"));
    }
}
