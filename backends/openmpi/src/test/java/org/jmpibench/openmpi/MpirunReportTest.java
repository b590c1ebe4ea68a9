package org.jmpibench.openmpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jmpibench.launcher.RankHosts;
import org.jmpibench.spi.JobSpec.RankLine;
import org.junit.jupiter.api.Test;

/** Reading mpirun's reports as Open MPI 4.1.4 prints them (copied from real runs). */
class MpirunReportTest {

    private static List<RankLine> lines(String... raw) {
        TaggedOutput output = new TaggedOutput(true);
        return java.util.Arrays.stream(raw)
                .flatMap(l -> output.accept(l).stream())
                .toList();
    }

    @Test
    void aNonZeroExitNamesTheRankItsStatusAndItsException() {
        MpirunReport.Verdict verdict = MpirunReport.read(
                1,
                lines(
                        "[1,2]<stderr>:Exception in thread \"main\" java.lang.IllegalStateException: deliberate failure",
                        "[1,2]<stderr>:\tat org.jmpibench.conformance.FaultyRank.main(FaultyRank.java:25)",
                        "--------------------------------------------------------------------------",
                        "Primary job  terminated normally, but 1 process returned",
                        "a non-zero exit code. Per user-direction, the job has been aborted.",
                        "--------------------------------------------------------------------------",
                        "mpirun detected that one or more processes exited with non-zero status, thus causing",
                        "the job to be terminated. The first process to do so was:",
                        "",
                        "  Process name: [[16626,1],2]",
                        "  Exit code:    1"));

        assertThat(verdict.failedRank()).isEqualTo(2);
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.failure("openmpi"))
                .isEqualTo("backend openmpi: rank 2 exited with status 1: Exception in thread "
                        + "\"main\" java.lang.IllegalStateException: deliberate failure");
    }

    @Test
    void aSignalNamesTheRankAndTheSignal() {
        MpirunReport.Verdict verdict = MpirunReport.read(
                137,
                lines(
                        "--------------------------------------------------------------------------",
                        "mpirun noticed that process rank 1 with PID 0 on node vm exited on signal 9 (Killed).",
                        "--------------------------------------------------------------------------"));

        assertThat(verdict.failedRank()).isEqualTo(1);
        assertThat(verdict.exitCode()).isEqualTo(137);
        assertThat(verdict.failure("openmpi")).isEqualTo("backend openmpi: rank 1 was killed by signal 9 (SIGKILL)");
    }

    @Test
    void acrossHostsARankIsNamedWithItsHost() {
        MpirunReport.Verdict verdict = MpirunReport.read(
                137,
                lines("mpirun noticed that process rank 3 with PID 0 on node h2 exited on signal 9 (Killed)."),
                RankHosts.of(List.of("h1", "h2", "h1", "h2")));

        assertThat(verdict.failure("openmpi"))
                .isEqualTo("backend openmpi: rank 3 on host h2 was killed by signal 9 (SIGKILL)");
    }

    @Test
    void aLostDaemonNamesItsHostAndTheRanksItHeld() {
        MpirunReport.Verdict verdict = MpirunReport.read(
                1,
                lines(
                        "--------------------------------------------------------------------------",
                        "ORTE has lost communication with a remote daemon.",
                        "",
                        "  HNP daemon   : [[30044,0],0] on node h1",
                        "  Remote daemon: [[30044,0],1] on node h2",
                        ""),
                RankHosts.of(List.of("h1", "h2", "h1", "h2")));

        assertThat(verdict.failedRank()).isEqualTo(1);
        assertThat(verdict.failure("openmpi"))
                .isEqualTo("backend openmpi: lost host h2 with ranks 1, 3: Remote daemon: [[30044,0],1] on node h2");
    }

    @Test
    void daemonsThatFailedAreBlamedOnTheHostTheLaunchAgentLost() {
        MpirunReport.Verdict verdict = MpirunReport.read(
                9,
                lines(
                        "[1,0]<stderr>:rank 0 fails on purpose: hang",
                        "Connection to h2 closed by remote host.",
                        "--------------------------------------------------------------------------",
                        "ORTE was unable to reliably start one or more daemons.",
                        "This usually is caused by:"),
                RankHosts.of(List.of("h1", "h2", "h2")));

        assertThat(verdict.failure("openmpi"))
                .isEqualTo("backend openmpi: lost host h2 with ranks 1, 2: Connection to h2 closed by remote host.");
    }

    @Test
    void mpiAbortNamesTheRankAndTheCode() {
        MpirunReport.Verdict verdict = MpirunReport.read(
                5, lines("MPI_ABORT was invoked on rank 3 in communicator MPI_COMM_WORLD", "with errorcode 5."));

        assertThat(verdict.failure("openmpi")).isEqualTo("backend openmpi: rank 3 called MPI_Abort with error code 5");
    }

    @Test
    void mpirunsOwnTimeLimitIsATimeout() {
        MpirunReport.Verdict verdict =
                MpirunReport.read(1, lines("The user-provided time limit for job execution has been reached:"));

        assertThat(verdict.timedOut()).isTrue();
        assertThat(verdict.failure("openmpi")).contains("openmpi", "timed out");
    }

    @Test
    void aFailureWithoutARankQuotesMpirun() {
        MpirunReport.Verdict verdict = MpirunReport.read(
                1,
                lines(
                        "--------------------------------------------------------------------------",
                        "There are not enough slots available in the system to satisfy the 4",
                        "slots that were requested by the application:"));

        assertThat(verdict.failedRank()).isEqualTo(-1);
        assertThat(verdict.failure("openmpi"))
                .isEqualTo("backend openmpi: mpirun exited with status 1: There are not "
                        + "enough slots available in the system to satisfy the 4");
    }

    @Test
    void statusZeroWithoutAReportIsSuccess() {
        MpirunReport.Verdict verdict = MpirunReport.read(0, lines("[1,0]<stdout>:hello"));

        assertThat(verdict.failure("openmpi")).isEmpty();
    }
}
