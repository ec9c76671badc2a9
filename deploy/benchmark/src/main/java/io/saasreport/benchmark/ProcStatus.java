package io.saasreport.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux's view of a process: its resident set size and working directory. */
final class ProcStatus {

    /** VmRSS in bytes, or null when the process or /proc is not there. */
    static Long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    static boolean cwdEndsWith(long pid, String folder) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")).endsWith(folder);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private ProcStatus() {
    }
}
