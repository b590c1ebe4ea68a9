package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jmpibench.conformance.BackgroundJob;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole jobs (rank JVMs started by the backend's launcher) facing strangers and missing ranks. */
class LoopbackJobTest {

    @TempDir
    Path shared;

    @AfterEach
    void noProcessLeftBehind() {
        List<String> alive = ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.toList());
        assertThat(alive).as("processes still running after the job").isEmpty();
    }

    /** Silent, garbage, impostor, absurd sizes, and a flood of 200 silent and 200 quick connections. */
    @Test
    void strangersAtTheRendezvousDoNotHangOrCrashTheJob() throws Exception {
        int np = 3;
        // Silent strangers may hold on for longer than the whole job takes: they must not matter even then.
        try (BackgroundJob job = BackgroundJob.start(() ->
                        run(np, Map.of(LoopbackConfig.HANDSHAKE_TIMEOUT_MS_ENV, "30000"), Duration.ofSeconds(120)));
                Strangers strangers = new Strangers()) {
            int port = rendezvousPort(job);
            Socket silent = strangers.silent(port);
            Socket garbage = strangers.garbage(port);
            Socket impostor = strangers.wrongTokenRegistration(port, 0);
            strangers.hugeToken(port, true);
            strangers.connectAndLeave(port);
            strangers.flood(port, 200);
            Files.createFile(shared.resolve("go"));

            JobOutcome outcome = job.await(Duration.ofSeconds(150));
            assertThat(outcome.succeeded())
                    .as(() -> outcome.failure() + "\n" + outcome.output())
                    .isTrue();
            for (int rank = 0; rank < np; rank++) {
                assertThat(outcome.output()).contains(SignalledRank.DONE + rank);
            }
            assertThat(Strangers.closedWithoutAnswer(impostor))
                    .as("the impostor learnt nothing")
                    .isTrue();
            assertThat(Strangers.closedWithoutAnswer(garbage)).isTrue();
            assertThat(Strangers.closedWithoutAnswer(silent)).isTrue();
        }
    }

    /** The rendezvous port, from the address rank 0 publishes before it joins. */
    private int rendezvousPort(BackgroundJob job) throws Exception {
        Path published = shared.resolve("rendezvous-0");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(published) && !job.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(published).as("rank 0 published the rendezvous address").exists();
        String address = Files.readString(published);
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    @Test
    void aRankThatNeverJoinsFailsTheJobWithAClearMessageInsteadOfAHang() throws Exception {
        Files.createFile(shared.resolve("go"));
        JobOutcome outcome =
                run(2, Map.of(LoopbackConfig.RENDEZVOUS_TIMEOUT_MS_ENV, "2000"), Duration.ofSeconds(60), "never-join");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.timedOut())
                .as(() -> outcome.failure() + "\n" + outcome.output())
                .isFalse();
        assertThat(outcome.failure())
                .contains("loopback")
                .contains("rank 0")
                .contains("rank(s) [1] of 2 did not register within 2000 ms");
    }

    private JobOutcome run(int np, Map<String, String> env, Duration limit, String... extraArgs) {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
        String[] args = new String[1 + extraArgs.length];
        args[0] = shared.toString();
        System.arraycopy(extraArgs, 0, args, 1, extraArgs.length);
        RankProgram program = RankProgram.of(cp, SignalledRank.class.getName(), args)
                .withJvmOptions(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        return new LoopbackBackend()
                .launcher()
                .run(JobSpec.of(np, program, limit).withEnv(env));
    }
}
