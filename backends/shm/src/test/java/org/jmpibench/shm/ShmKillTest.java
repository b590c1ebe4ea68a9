package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jmpibench.conformance.BackgroundJob;
import org.jmpibench.conformance.TestJdks;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of one rank in the middle of a running job: the survivors must notice (no spinning forever), the job must end
 * failed before its time limit, and the job's file must be gone from /dev/shm.
 */
class ShmKillTest {

    private static final Pattern READY = Pattern.compile(PingPongRank.READY + " pid=(\\d+) rank=(\\d+) file=(.*)");
    /** The limit for noticing a failure. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void nothingLeft() throws IOException {
        ShmJobs.assertNothingLeft();
    }

    @ParameterizedTest(name = "kill -9 rank {0} of 3")
    @ValueSource(ints = {0, 1, 2})
    void killingOneRankEndsTheJobNonZeroAndLeavesNoFile(int victim) throws Exception {
        int np = 3;
        Map<Integer, Long> pids = new ConcurrentHashMap<>();
        Map<Integer, String> files = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(np);
        CountDownLatch running = new CountDownLatch(2);
        try (BackgroundJob job = BackgroundJob.start(() -> ShmJobs.run(
                np,
                Map.of(),
                LIMIT,
                line -> {
                    Matcher m = READY.matcher(line.text());
                    if (m.matches()) {
                        pids.put(Integer.parseInt(m.group(2)), Long.parseLong(m.group(1)));
                        files.put(Integer.parseInt(m.group(2)), m.group(3));
                        ready.countDown();
                    } else if (line.text().startsWith(PingPongRank.RUNNING)) {
                        running.countDown();
                    }
                },
                PingPongRank.class,
                "forever"))) {
            assertThat(ready.await(LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("every rank reported ready")
                    .isTrue();
            // Kill without warning while ranks 0 and 1 ping-pong and rank 2 waits.
            assertThat(running.await(LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("ranks 0 and 1 ping-pong")
                    .isTrue();
            ProcessHandle target = ProcessHandle.of(pids.get(victim)).orElseThrow();
            assertThat(target.destroyForcibly())
                    .as("SIGKILL sent to rank %d", victim)
                    .isTrue();

            JobOutcome outcome = job.await(LIMIT.plusSeconds(15));
            assertThat(outcome.succeeded()).as(() -> ShmJobs.describe(outcome)).isFalse();
            assertThat(outcome.timedOut())
                    .as(() -> "ended by the time limit: " + ShmJobs.describe(outcome))
                    .isFalse();
            assertThat(outcome.failure()).as(() -> ShmJobs.describe(outcome)).contains("shm", "rank " + victim);
            assertThat(outcome.exitCodes()).as("exit codes").anyMatch(code -> code != 0);
            assertThat(Files.exists(Path.of(files.get(0))))
                    .as("the job's file %s", files.get(0))
                    .isFalse();
        }
    }

    /**
     * Without the launcher (which kills the whole job as soon as one rank dies), a survivor must notice a dead peer by
     * itself through its liveness lock, throw, and exit non-zero naming the dead rank.
     */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("org.jmpibench.shm.ShmJobsTest#jdks")
    void aSurvivorNoticesItsDeadPeerWithoutTheLauncher(String jdkName) throws Exception {
        Jdk jdk = TestJdks.require(jdkName);
        String jobId = Long.toHexString(ProcessHandle.current().pid()) + "-selftest";
        List<Process> ranks = new ArrayList<>();
        try (ShmJobSession session = ShmJobSession.create(2, jobId, ShmConfig.defaults())) {
            List<BufferedReader> outs = new ArrayList<>();
            for (int rank = 0; rank < 2; rank++) {
                List<String> command = new ArrayList<>(List.of(jdk.java().toString()));
                command.addAll(RankCommand.nativeAccessOptions(jdk));
                command.addAll(List.of(
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PingPongRank.class.getName(),
                        "forever"));
                ProcessBuilder builder = new ProcessBuilder(command);
                builder.environment().putAll(session.envFor(rank));
                builder.environment()
                        .putAll(Map.of(
                                "JMPI_BACKEND",
                                ShmBackend.NAME,
                                "JMPI_RANK",
                                Integer.toString(rank),
                                "JMPI_SIZE",
                                "2",
                                "JMPI_JOB_ID",
                                jobId,
                                "JMPI_JOB_TOKEN",
                                "x"));
                builder.redirectError(ProcessBuilder.Redirect.PIPE).redirectInput(new File("/dev/null"));
                Process process = builder.start();
                ranks.add(process);
                outs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader out : outs) {
                assertThat(out.readLine()).as("rank ready line").startsWith(PingPongRank.READY);
            }
            for (BufferedReader out : outs) {
                assertThat(out.readLine()).as("rank running line").startsWith(PingPongRank.RUNNING);
            }
            ranks.get(1).destroyForcibly();

            Process survivor = ranks.get(0);
            assertThat(survivor.waitFor(20, TimeUnit.SECONDS))
                    .as("rank 0 ended by itself")
                    .isTrue();
            String stderr = new String(survivor.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(survivor.exitValue()).as(stderr).isNotZero();
            assertThat(stderr).contains("CommunicatorException", "rank 1 died");
            assertThat(session.file()).as("unlinked once both ranks attached").doesNotExist();
        } finally {
            for (Process process : ranks) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
