package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jmpibench.launcher.Jdks;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Param;
import org.jmpibench.results.RunContext;
import org.jmpibench.spi.Jdk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run with {@code --jdk 17,25}: every job's ranks, JMH's forked VM included, on each JDK in turn (the benchmark
 * itself refuses to run on another JDK than its jdk parameter names), the parameter in the results and each JDK's exact
 * build in the context.
 */
class JdkRunTest {

    @TempDir
    Path results;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @Test
    void aSweepOverJdk17And25RunsEveryJobOnEachAndRecordsWhichBuild() throws Exception {
        Jdk jdk17 = installed("17");
        Jdk jdk25 = installed("25");

        HarnessRuns run = HarnessRuns.run(
                results, "shm", "send", "1Ki", "array", null, "17,25", "60", HostOptions.of(null, null, null, null));

        assertThat(run.outcome.failedJobs()).as(run.console).isEmpty();
        assertThat(run.outcome.exitStatus()).isZero();
        List<BenchmarkResult> read = run.results();
        assertThat(read).extracting(r -> r.param(Param.JDK).orElseThrow()).containsExactly("17", "25");
        for (BenchmarkResult result : read) {
            // JMH's properties probe goes through the same wrapper as the fork: it names the JVM the job ran on
            assertThat(result.jmhSettings().get("jdkVersion"))
                    .as("JMH's record of the forked VM")
                    .startsWith(result.param(Param.JDK).orElseThrow() + ".");
            assertThat(result.primary().score()).isPositive();
        }
        assertThat(read.get(0).key().params())
                .as("17 is neutral: it matches results from before --jdk")
                .doesNotContainKey(Param.JDK.jmhName());
        assertThat(read.get(1).key().params()).containsEntry(Param.JDK.jmhName(), "25");

        RunContext context = run.context();
        assertThat(context.jdks())
                .containsExactly(
                        new RunContext.RankJdk(
                                "17",
                                jdk17.version().toString(),
                                jdk17.implementor(),
                                jdk17.home().toString()),
                        new RunContext.RankJdk(
                                "25",
                                jdk25.version().toString(),
                                jdk25.implementor(),
                                jdk25.home().toString()));
        assertThat(context.matrix(Param.JDK.jmhName())).containsExactly("17", "25");
        assertThat(run.console).contains("jdk=[17, 25]", "  jdk   25: " + jdk25, "shm, JDK 17", "shm, JDK 25");
    }

    @Test
    void withoutTheOptionRanksRunOnTheHarnessesJdkAndItIsRecorded() throws Exception {
        HarnessRuns run = HarnessRuns.run(
                results, "loopback", "send", "1", "array", null, null, "60", HostOptions.of(null, null, null, null));

        assertThat(run.outcome.exitStatus()).as(run.console).isZero();
        Jdk here = Jdk.current();
        assertThat(run.results())
                .singleElement()
                .satisfies(result -> assertThat(result.param(Param.JDK)).contains(Integer.toString(here.feature())));
        assertThat(run.context().jdks())
                .singleElement()
                .isEqualTo(new RunContext.RankJdk(
                        Integer.toString(here.feature()),
                        here.version().toString(),
                        here.implementor(),
                        here.home().toString()));
        assertThat(run.console).doesNotContain("jdk=", "JDK " + here.feature());
    }

    private static Jdk installed(String name) {
        try {
            return Jdks.resolve(name);
        } catch (IllegalArgumentException e) {
            Assumptions.abort("JDK " + name + " is not installed here: " + e.getMessage());
            throw e;
        }
    }
}
