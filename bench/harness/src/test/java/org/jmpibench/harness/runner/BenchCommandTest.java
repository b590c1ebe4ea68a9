package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchCommandTest {

    @TempDir
    Path results;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BenchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--sizes|0|size '0'",
            "--sizes|abc|size 'abc'",
            "--sizes|1Gi|too large",
            "--np|1|np must be 2..64",
            "--np|65|np must be 2..64",
            "--np|four|bad np 'four'",
            "--ops|send,reduce|unknown operation 'reduce'",
            "--buffer|heap|unknown buffer kind 'heap'",
            "--profile|slow|unknown profile 'slow'",
            "-f|0|forks",
            "-r|soon|bad measurement time 'soon'",
            "--backends|nosuch|unknown backend 'nosuch'",
            "--idle|sleep|unknown idle strategy 'sleep'",
            "--hostfile|/no/such/hostfile|hostfile /no/such/hostfile cannot be read",
            "--map-by|node|--map-by needs --hostfile",
            "--jdk|8|--jdk: no JDK '8': it is not a path",
            "--jdk|/no/such/jdk|--jdk: no JDK at /no/such/jdk: no such directory",
            "--jdk|17,|--jdk: empty value in '17,'"})
    void badInputIsOneLineAndStatusTwo(String option, String value, String message) {
        Run run = run(option, value, "--results-dir", results.toString());

        assertThat(run.status).isEqualTo(BenchCommand.USAGE);
        assertThat(run.err.strip()).contains(message).doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionIsOneLineAndStatusTwo() {
        Run run = run("--colour", "red");

        assertThat(run.status).isEqualTo(BenchCommand.USAGE);
        assertThat(run.err.strip()).contains("--colour").doesNotContain("\n");
    }

    @Test
    void jmhStyleShortOptionsAreNotTakenForClusters() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("-wi", "4", "-i", "6", "-w", "1s", "-r", "300ms", "-f", "2");

        BenchSettings settings = command.settings();

        assertThat(settings.warmupIterations()).isEqualTo(4);
        assertThat(settings.measurementIterations()).isEqualTo(6);
        assertThat(settings.forks()).isEqualTo(2);
    }

    @Test
    void helpNamesEveryOption() {
        Run run = run("--help");

        assertThat(run.status).isZero();
        assertThat(run.out).contains("--backends", "--ops", "--sizes", "--np", "--buffer", "--results-dir",
                "--profile", "-wi", "-i", "-w", "-r", "-f", "--hostfile", "--map-by", "--interface", "--launch-agent",
                "--jdk");
    }

    @Test
    void aJdkOlderThan17OrASecondJdkOfOneReleaseIsRefusedBeforeAnythingRuns() throws Exception {
        Path java11 = fakeJdk("jdk-11", "11.0.2+9");
        Path other17 = fakeJdk("other-17", "17.0.99+1");

        Run old = run("--jdk", java11.toString(), "--results-dir", results.toString());
        Run twice = run("--jdk", "17," + other17, "--results-dir", results.toString());

        assertThat(old.status).isEqualTo(BenchCommand.USAGE);
        assertThat(old.err.lines()).containsExactly("jmpi-bench bench: --jdk: the JDK at " + java11
                + " is Java 11.0.2+9; ranks need Java 17 or later");
        assertThat(twice.status).isEqualTo(BenchCommand.USAGE);
        assertThat(twice.err.strip()).contains("--jdk: ", " and " + other17 + " are both Java 17",
                "one JDK per release").doesNotContain("\n");
        try (var files = Files.list(results)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsOnly("jdk-11", "other-17");
        }
    }

    /** A directory that looks like a JDK of {@code version} to {@code Jdks} (its release file), never run. */
    private Path fakeJdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(results.resolve(name).resolve("bin")).getParent();
        Path java = Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(home.resolve("release"), "JAVA_RUNTIME_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void aHostfileThatPutsRankZeroElsewhereIsRefusedBeforeAnythingRuns() throws Exception {
        Path hostfile = Files.writeString(results.resolve("hosts"), "192.0.2.7 slots=2\nlocalhost slots=2\n");

        Run run = run("--hostfile", hostfile.toString(), "--results-dir", results.toString());

        assertThat(run.status).isEqualTo(BenchCommand.USAGE);
        assertThat(run.err.strip()).contains("rank 0", "on 192.0.2.7", "list this host first").doesNotContain("\n");
        try (var files = Files.list(results)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly("hosts");
        }
    }
}
