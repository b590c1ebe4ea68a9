package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jmpibench.spi.Idle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchCommandTest {

    @TempDir
    Path results;

    private record Run(int status, String out, String err) {}

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
    @CsvSource(
            delimiter = '|',
            value = {
                "--sizes|0|size '0'",
                "--sizes|abc|size 'abc'",
                "--sizes|1Gi|too large",
                "--np|1|np must be 2..64",
                "--np|65|np must be 2..64",
                "--np|four|bad np 'four'",
                "--ops|send,reduse|unknown operation 'reduse'",
                "--buffer|heap|unknown buffer kind 'heap'",
                "--profile|slow|unknown profile 'slow'",
                "-f|0|forks",
                "-r|soon|bad measurement time 'soon'",
                "--backends|nosuch|unknown backend 'nosuch'",
                "--idle|sleep|unknown idle strategy 'sleep'",
                "-p|size|bad -p 'size': expected NAME=VALUE",
                "-p|colour=red|unknown parameter 'colour' in -p colour=red; parameters: backend, np, size, buffer, idle, "
                        + "jdk, root",
                "-p|size=6B|size '6B' is 6 bytes",
                "-p|layout=1host|-p layout: the layout follows from the host options (--hostfile, --map-by)",
                "-p|jdk=8|--jdk: no JDK '8': it is not a path",
                "-prof|nosuchprofiler|unknown profiler 'nosuchprofiler' (-prof); profilers that run here: cl, comp, gc",
                "-rf|xml|unknown result format 'xml' (-rf); formats: json, csv, scsv, text, latex",
                "--sizes|1kb|bits",
                "--hostfile|/no/such/hostfile|hostfile /no/such/hostfile cannot be read",
                "--map-by|node|--map-by needs --hostfile",
                "--jdk|8|--jdk: no JDK '8': it is not a path",
                "--jdk|/no/such/jdk|--jdk: no JDK at /no/such/jdk: no such directory",
                "--jdk|17,|--jdk: empty value in '17,'"
            })
    void badInputIsOneLineAndStatusTwo(String option, String value, String message) {
        Run run = run(option, value, "--results-dir", results.toString());

        assertThat(run.status).isEqualTo(BenchCommand.USAGE);
        assertThat(run.err.strip())
                .contains(message)
                .doesNotContain("\n")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
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

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static BenchSettings parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    @Test
    void jmhParametersAreTheOptionsOfTheSameMeaning() {
        BenchSettings settings = parsed(
                "-p", "size=1,4KiB", "-p", "np=2,4", "-p", "buffer=direct", "-p", "idle=spin", "-p", "backend=shm");

        assertThat(settings.sizes()).containsExactly(1, 1024);
        assertThat(settings.nps()).containsExactly(2, 4);
        assertThat(settings.buffers()).extracting(b -> b.cliName()).containsExactly("direct");
        assertThat(settings.idles()).containsExactly(Idle.SPIN);
        assertThat(settings.backends()).containsExactly("shm");
    }

    @Test
    void aParameterGivenTwiceIsBadInputNotASilentChoice() {
        Run both = run("--np", "4", "-p", "np=2", "--results-dir", results.toString());
        assertThat(both.status).isEqualTo(BenchCommand.USAGE);
        assertThat(both.err.strip()).isEqualTo("jmpi-bench bench: --np and -p np both given; give one");

        Run twice = run("-p", "size=1", "-p", "size=2", "--results-dir", results.toString());
        assertThat(twice.status).isEqualTo(BenchCommand.USAGE);
        assertThat(twice.err.strip()).isEqualTo("jmpi-bench bench: -p size is given twice; give each parameter once");
    }

    @Test
    void mpirunsRankOptionsAreAliasesOfNp() {
        assertThat(parsed("-np", "2,4").nps()).containsExactly(2, 4);
        assertThat(parsed("-n", "4").nps()).containsExactly(4);
        assertThat(parsed("--np", "2").nps()).containsExactly(2);
    }

    @Test
    void passThroughOptionsKeepTheirWordsAndValuesThatLookLikeOptions() {
        BenchSettings settings = parsed(
                "-jvmArgs",
                "-Xss2m  -XX:+UseSerialGC",
                "--mpirun-args",
                "--bind-to none",
                "-prof",
                "gc",
                "-prof",
                "stack:lines=3",
                "-rf",
                "json");

        assertThat(settings.jvmArgs()).containsExactly("-Xss2m", "-XX:+UseSerialGC");
        assertThat(settings.mpirunArgs()).containsExactly("--bind-to", "none");
        assertThat(settings.profilers()).containsExactly("gc", "stack:lines=3");
        assertThat(settings.resultFormat()).isEqualTo("json");
        assertThat(parsed().resultFormat()).isEqualTo("csv");
        assertThat(settings.toString())
                .contains(
                        "-prof gc,stack:lines=3",
                        "-jvmArgs '-Xss2m -XX:+UseSerialGC'",
                        "-rf json",
                        "--mpirun-args '--bind-to none'");
    }

    @Test
    void jvmArgumentsComeAfterTheHarnesssOwnSoTheUsersWin() {
        BenchRunner runner = new BenchRunner(parsed("-jvmArgs", "-Xmx3g"), System.out);

        List<String> args = runner.jvmArgs(2);
        assertThat(args.get(args.size() - 1)).isEqualTo("-Xmx3g");
        assertThat(args.stream().filter(a -> a.startsWith("-Xmx"))).hasSize(2);
    }

    @Test
    void helpNamesEveryOptionWithItsDefaultAndTheExitCodes() {
        Run run = run("--help");

        assertThat(run.status).isZero();
        assertThat(run.out)
                .contains(
                        "--backends",
                        "--ops",
                        "--sizes",
                        "--np",
                        "-np",
                        "-n",
                        "--buffer",
                        "--results-dir",
                        "--profile",
                        "-wi",
                        "-i",
                        "-w",
                        "-r",
                        "-f",
                        "-p",
                        "-prof",
                        "-jvmArgs",
                        "-rf",
                        "--mpirun-args",
                        "Exit codes:",
                        "--hostfile",
                        "--map-by",
                        "--interface",
                        "--launch-agent",
                        "--jdk");
        // picocli wraps lines anywhere, also inside a list: compare without white space
        String help = run.out.replaceAll("\\s+", "");
        assertThat(help)
                .contains(
                        squeezed("JMH forks, each a fresh job (default: 1)"),
                        squeezed("Warm-up iterations (default: 2 (quick), 3 (full), 2 (osu))"),
                        squeezed("(default: 200ms (quick), 500ms (full), 200ms (osu))"),
                        squeezed("Measurement iterations (default: 5)"),
                        squeezed("(default: 1,64Ki (quick), 1,4,16,64,256,1Ki,4Ki,16Ki,64Ki,256Ki,1Mi,4Mi (full), "
                                + "1,4,16,64,256,1Ki,4Ki,16Ki,64Ki,256Ki,1Mi (osu)"),
                        squeezed("(default: send,bw,bcast,allreduce,gather-average,allreduce-average (quick)"),
                        squeezed("Rank counts, 2..64 (default: 2,4)"),
                        squeezed("(default: csv)"),
                        squeezed("(default: 120)"),
                        squeezed("(default: the JDK running this command) [bench.jdk]"),
                        squeezed("(default: this host only)"),
                        squeezed("slot (the default"),
                        squeezed("(default ssh)"))
                .doesNotContain("${");
    }

    @Test
    void aJdkOlderThan17OrASecondJdkOfOneReleaseIsRefusedBeforeAnythingRuns() throws Exception {
        Path java11 = fakeJdk("jdk-11", "11.0.2+9");
        Path other17 = fakeJdk("other-17", "17.0.99+1");

        Run old = run("--jdk", java11.toString(), "--results-dir", results.toString());
        Run twice = run("--jdk", "17," + other17, "--results-dir", results.toString());

        assertThat(old.status).isEqualTo(BenchCommand.USAGE);
        assertThat(old.err.lines())
                .containsExactly("jmpi-bench bench: --jdk: the JDK at " + java11
                        + " is Java 11.0.2+9; ranks need Java 17 or later");
        assertThat(twice.status).isEqualTo(BenchCommand.USAGE);
        assertThat(twice.err.strip())
                .contains("--jdk: ", " and " + other17 + " are both Java 17", "one JDK per release")
                .doesNotContain("\n");
        try (var files = Files.list(results)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsOnly("jdk-11", "other-17");
        }
    }

    /** A directory that looks like a JDK of {@code version} to {@code Jdks} (its release file), never run. */
    private Path fakeJdk(String name, String version) throws Exception {
        Path home =
                Files.createDirectories(results.resolve(name).resolve("bin")).getParent();
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
        assertThat(run.err.strip())
                .contains("rank 0", "on 192.0.2.7", "list this host first")
                .doesNotContain("\n");
        try (var files = Files.list(results)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly("hosts");
        }
    }
}
