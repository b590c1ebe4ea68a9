package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmpibench.launcher.MpirunArgs;
import org.jmpibench.spi.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's demo prints what the seed prints, in the same order, on every backend. */
class DemoTest {

    @ParameterizedTest(name = "{0} np={1}")
    @CsvSource({"loopback,2", "loopback,4", "shm,4", "openmpi,4", "mpj-niodev,4", "mpj-smpdev,4"})
    void printsTheSeedsResults(String backend, int np) {
        boolean known = Backends.all().stream().anyMatch(b -> b.name().equals(backend));
        Assumptions.assumeTrue(
                known && Backends.byName(backend).availability().available(),
                backend + " is not built or not available here");
        CliRunner result = CliRunner.run("demo", "--backend", backend, "--np", Integer.toString(np));
        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out).isEqualTo(SeedOutput.forRanks(np));
    }

    @ParameterizedTest(name = "{0} 3")
    @CsvSource({"-np", "-n"})
    void mpirunsShortRankOptionsWork(String option) {
        CliRunner result = CliRunner.run("demo", "--backend", "loopback", option, "3");
        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out).isEqualTo(SeedOutput.forRanks(3));
    }

    @Test
    void mpirunArgsReachMpirunForThisJobOnly() {
        Assumptions.assumeTrue(
                Backends.all().stream().anyMatch(b -> b.name().equals("openmpi"))
                        && Backends.byName("openmpi").availability().available(),
                "openmpi is not built or not available here");
        String before = System.getProperty(MpirunArgs.PROPERTY);

        CliRunner refused =
                CliRunner.run("demo", "--backend", "openmpi", "--np", "2", "--mpirun-args", "--no-such-mpirun-option");
        CliRunner plain = CliRunner.run("demo", "--backend", "openmpi", "--np", "2");

        assertThat(refused.status).as(refused.out + refused.err).isEqualTo(JmpiBench.FAILED);
        assertThat(refused.out + refused.err).contains("no-such-mpirun-option");
        assertThat(System.getProperty(MpirunArgs.PROPERTY))
                .as("the property as it was")
                .isEqualTo(before);
        assertThat(plain.status).as(plain.err).isZero();
        assertThat(plain.out).isEqualTo(SeedOutput.forRanks(2));
    }

    @Test
    void aHostfileOfThisHostRunsHereAndThePlacementIsPrintedFirst(@TempDir Path dir) throws Exception {
        Path hostfile = Files.writeString(dir.resolve("hosts"), "localhost slots=4\n");
        CliRunner result = CliRunner.run("demo", "--backend", "shm", "-n", "3", "--hostfile", hostfile.toString());
        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out).isEqualTo(SeedOutput.forRanks(3));
        assertThat(result.err.lines().findFirst()).contains("placement: localhost: ranks 0 1 2 (map-by slot)");
    }
}
