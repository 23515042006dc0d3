package io.crampcare.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A wall clock off by a given amount for one child process: the LD_PRELOAD shim {@code src/test/c/clockshift.c},
 * compiled here with the machine's gcc into {@code target/clockshift/} (nothing installed by hand). Only the wall
 * clock moves; monotonic time does not, as on a host whose clock is wrong.
 */
final class ClockShift {

    private static Path library;

    private ClockShift() {
    }

    /** The environment that puts a process's wall clock {@code ahead} of the real one (negative: behind). */
    static Map<String, String> environment(Path root, Duration ahead) {
        return Map.of("LD_PRELOAD", library(root).toString(),
                "CRAMPCARE_TEST_CLOCK_SHIFT_SECONDS", Long.toString(ahead.toSeconds()));
    }

    private static synchronized Path library(Path root) {
        if (library == null) {
            Path source = root.resolve("system-tests/src/test/c/clockshift.c");
            Path built = root.resolve("system-tests/target/clockshift/libclockshift.so");
            try {
                Files.createDirectories(built.getParent());
                Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o",
                        built.toString(), source.toString(), "-ldl").redirectErrorStream(true).start();
                String output = new String(gcc.getInputStream().readAllBytes());
                if (gcc.waitFor() != 0) {
                    throw new IllegalStateException("gcc could not build " + source + ":\n" + output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The clock fault needs gcc on the PATH to build " + source, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            library = built;
        }
        return library;
    }
}
