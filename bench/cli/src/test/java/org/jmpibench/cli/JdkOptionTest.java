package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.jmpibench.launcher.Jdks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code demo --jdk} and {@code run --jdk}: every rank on the JDK asked for. */
class JdkOptionTest {

    @BeforeEach
    void jdk25IsInstalled() {
        try {
            Jdks.resolve("25");
        } catch (IllegalArgumentException e) {
            Assumptions.abort("JDK 25 is not installed here: " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"loopback", "shm"})
    void theDemoOnJdk25PrintsTheSeedsResults(String backend) {
        CliRunner result = CliRunner.run("demo", "--backend", backend, "--np", "3", "--jdk", "25");

        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out).isEqualTo(SeedOutput.forRanks(3));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"loopback", "shm"})
    void everyRankOfARunIsOnTheJdkAskedFor(String backend) {
        CliRunner result = CliRunner.run(
                "run", "--backend", backend, "--np", "2", "--jdk", "temurin-25", PrintJavaRelease.class.getName());

        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out.lines()).containsExactly("java 25", "java 25");
    }
}
