package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkLauncherTest {

    @TempDir
    Path dir;

    @Test
    void withoutACommandItIsAUsageError() {
        assertThat(ForkLauncher.run(new String[] {"--backend", "loopback"})).isEqualTo(ForkLauncher.USAGE);
    }

    @Test
    void jmhsPropertiesProbeRunsAsPlainJava() {
        assertThat(ForkLauncher.run(new String[] {"--", "-version"})).isZero();
        assertThat(ForkLauncher.run(new String[] {"--", "-no-such-jvm-option"})).isNotZero();
    }

    @Test
    void aJobThatCannotStartIsRecordedAsFailed() throws Exception {
        Path failures = dir.resolve("failures.log");
        int status = ForkLauncher.run(new String[] {
            "--backend",
            "no-such-backend",
            "--np",
            "2",
            "--timeout-seconds",
            "30",
            "--failures",
            failures.toString(),
            "--",
            "-cp",
            "/x.jar",
            ForkCommand.FORKED_MAIN,
            "127.0.0.1",
            "1"
        });

        assertThat(status).isEqualTo(ForkLauncher.FAILED);
        assertThat(Files.readString(failures))
                .contains("no-such-backend")
                .contains("np 2")
                .contains("could not start");
    }

    @Test
    void jmhsWrappedErrorIsFoundForTheFailedJobList() {
        var jmh = new org.openjdk.jmh.runner.BenchmarkException(
                new IllegalStateException("Forked VM failed with exit code 1"));
        var runner = new org.openjdk.jmh.runner.RunnerException("Benchmark caught the exception", jmh);

        assertThat(BenchRunner.innermostMessage(runner)).isEqualTo("Forked VM failed with exit code 1");
        assertThat(BenchRunner.failureReason(dir.resolve("none.log"), runner))
                .isEqualTo("JMH: Forked VM failed with exit code 1");
    }
}
