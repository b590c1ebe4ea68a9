package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jmpibench.conformance.FaultyRank;
import org.jmpibench.conformance.TestJdks;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * smpdev's own tests, and its System.exit handling on every test JDK: a Security Manager stops a rank's exit on Java 17
 * to 23, the Runtime.exit logger from Java 24 on ({@link ExitLoggerFinder}); the outcome must not differ.
 */
class MpjSmpdevJobTest extends MpjJobTests {

    @Override
    Backend backend() {
        return new MpjSmpdevBackend();
    }

    static List<String> jdks() {
        return TestJdks.names();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aRankThatCallsSystemExitWithAnErrorFailsTheJobNamingTheRankAndStatus(String jdkName) {
        Jdk jdk = TestJdks.require(jdkName);
        JobOutcome outcome = run(JobSpec.of(3, program(FaultyRank.class, "exit", "1"), Duration.ofSeconds(30))
                .withJdk(jdk));

        assertThat(outcome.succeeded()).as(outcome::toString).isFalse();
        assertThat(outcome.timedOut()).as(outcome::toString).isFalse();
        assertThat(outcome.failure())
                .as(outcome::toString)
                .startsWith("backend mpj-smpdev: rank 1 called System.exit(3)")
                .doesNotContain("\n");
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void systemExitZeroEndsOnlyTheRankThatCallsIt(String jdkName) {
        Jdk jdk = TestJdks.require(jdkName);
        JobOutcome outcome = run(JobSpec.of(3, program(EarlyExitRank.class), Duration.ofSeconds(60))
                .withJdk(jdk));

        assertThat(outcome.succeeded()).as(outcome::toString).isTrue();
        assertThat(outcome.output())
                .contains(EarlyExitRank.SURVIVED + "1 got 2", EarlyExitRank.SURVIVED + "2 got 1")
                .doesNotContain("note: System.exit in a rank ends every rank");
    }
}
