package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Which backends the jar under test says are available ({@code jmpi-bench backends}); asked once per test JVM. A
 * backend's tests are skipped only when this says it is not available.
 */
final class AvailableBackends {

    /** Every backend the suite knows; each test runs for all of them. */
    static final String[] ALL = {"loopback", "shm", "openmpi", "mpj-niodev", "mpj-smpdev"};

    private static Set<String> available;

    private AvailableBackends() {}

    static synchronized Set<String> names() {
        if (available == null) {
            CliProcess.Result result = CliProcess.run(Duration.ofSeconds(60), "backends");
            assertThat(result.status()).as(result.toString()).isZero();
            available = result.out()
                    .lines()
                    .map(line -> line.split("\\s+"))
                    .filter(cols -> cols.length > 1 && cols[1].equals("available"))
                    .map(cols -> cols[0])
                    .collect(Collectors.toUnmodifiableSet());
        }
        return available;
    }

    static void assumeAvailable(String backend) {
        Assumptions.assumeTrue(
                names().contains(backend), () -> "'jmpi-bench backends' does not list " + backend + " as available");
    }
}
