package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmpibench.spi.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets one clear line and a non-zero status, never a stack trace. */
class CommandLineErrorsTest {

    @TempDir
    Path dir;

    private static void assumeAvailable(String backend) {
        boolean known = Backends.all().stream().anyMatch(b -> b.name().equals(backend));
        Assumptions.assumeTrue(
                known && Backends.byName(backend).availability().available(),
                backend + " is not built or not available here");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "demo --backend nosuch --np 2 | unknown backend 'nosuch'; known backends:",
                "demo --backend loopback --np 0 | --np must be between 2 and 64",
                "demo --backend loopback --np 1 | --np must be between 2 and 64",
                "demo --backend loopback --np 999 | --np must be between 2 and 64",
                "demo --backend loopback --np abc | Invalid value for option '--np': 'abc' is not an int",
                "demo --np 2 | Missing required option: '--backend",
                "frobnicate | Unmatched argument at index 0: 'frobnicate'",
                "demo --backend tcp --hostfile /nonexistent/hosts | hostfile /nonexistent/hosts cannot be read: no such file",
                "demo --backend tcp --map-by node | --map-by needs --hostfile",
                "run --backend tcp --hostfile slurm Main | --hostfile slurm: $SLURM_JOB_NODELIST is not set",
                "demo --backend loopback --jdk 8 | --jdk: no JDK '8': it is not a path",
                "demo --backend loopback --jdk /no/such/jdk | --jdk: no JDK at /no/such/jdk: no such directory",
                "run --backend loopback --jdk nosuch-jdk Main | --jdk: no JDK 'nosuch-jdk'",
            })
    void badInputIsOneLineAndUsageStatus(String args, String expected) {
        CliRunner result = CliRunner.run(args.split(" "));
        assertThat(result.status).isEqualTo(JmpiBench.USAGE);
        assertThat(result.err).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.err
                        .lines()
                        .filter(line -> line.startsWith("jmpi-bench:"))
                        .count())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shm", "mpj-smpdev", "loopback"})
    void singleHostBackendsRefuseSeveralHostsInOneLineBeforeAnythingStarts(String backend) throws Exception {
        assumeAvailable(backend);
        Path hostfile = Files.writeString(dir.resolve("two"), "localhost slots=2\n192.0.2.77 slots=2\n");
        CliRunner result = CliRunner.run("demo", "--backend", backend, "--hostfile", hostfile.toString());
        assertThat(result.status).isEqualTo(JmpiBench.USAGE);
        assertThat(result.err.lines())
                .as(result.err)
                .containsExactly("jmpi-bench: backend " + backend + " runs on "
                        + "one host only; the hostfile names 2 (localhost, 192.0.2.77): across hosts use tcp, openmpi or "
                        + "mpj-niodev");
        assertThat(result.out).isEmpty();
    }

    @Test
    void aBadHostfileOrTooManyRanksForItsSlotsIsOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad"), "# two hosts\nnode1 slots=2\nnode2 slots=two\n");
        CliRunner badFile = CliRunner.run("demo", "--backend", "tcp", "--hostfile", bad.toString());
        assertThat(badFile.status).isEqualTo(JmpiBench.USAGE);
        assertThat(badFile.err.lines())
                .containsExactly(
                        "jmpi-bench: hostfile " + bad + " line 3: slots=two: 'two' is not a positive whole number");

        Path small = Files.writeString(dir.resolve("small"), "localhost slots=3\n");
        CliRunner tooMany = CliRunner.run("demo", "--backend", "shm", "-np", "4", "--hostfile", small.toString());
        assertThat(tooMany.status).isEqualTo(JmpiBench.USAGE);
        assertThat(tooMany.err.lines())
                .containsExactly("jmpi-bench: --np must be between 2 and 3 (the slots of "
                        + "localhost slots=3) (point-to-point needs ranks 0 and 1), got 4");
    }

    @Test
    void backendsListsLoopbackAsAvailable() {
        CliRunner result = CliRunner.run("backends");
        assertThat(result.status).isZero();
        assertThat(result.out).containsPattern("(?m)^loopback +available ");
    }
}
