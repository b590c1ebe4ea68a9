package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
            "--idle|sleep|unknown idle strategy 'sleep'"})
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
                "--profile", "-wi", "-i", "-w", "-r", "-f");
    }
}
