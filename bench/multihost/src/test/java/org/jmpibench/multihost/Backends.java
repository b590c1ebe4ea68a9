package org.jmpibench.multihost;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** Which backends the jar under test says are available ({@code jmpi-bench backends}), asked once per JVM. */
final class Backends {

    private static Set<String> available;

    private Backends() {}

    static void assumeAvailable(String backend) throws Exception {
        Assumptions.assumeTrue(
                names().contains(backend), () -> "'jmpi-bench backends' does not list " + backend + " as available");
    }

    private static synchronized Set<String> names() throws Exception {
        if (available == null) {
            Process process = new ProcessBuilder(
                            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            CliInHost.JAR.toString(),
                            "backends")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("'jmpi-bench backends' failed:\n" + out);
            }
            available = out.lines()
                    .map(line -> line.split("\\s+"))
                    .filter(cols -> cols.length > 1 && cols[1].equals("available"))
                    .map(cols -> cols[0])
                    .collect(Collectors.toUnmodifiableSet());
        }
        return available;
    }
}
