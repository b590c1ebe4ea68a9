package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unusable {@code --results-dir} is bad input found before the first benchmark (one line naming the path and the
 * cause, nothing run, nothing printed); a save that fails later names the file, keeps what was saved, and the run goes
 * on.
 */
class ResultsDirTest {

    private static final String NO_SPACE = "No space left on device";

    @TempDir
    Path dir;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    private BenchSettings settings(Path resultsDir, String nps) {
        return new BenchSettings.Builder()
                .backends("loopback")
                .ops("send")
                .sizes("1")
                .nps(nps)
                .buffers("array")
                .forks("1")
                .warmupIterations("1")
                .warmupTime("50ms")
                .measurementIterations("2")
                .measurementTime("50ms")
                .watchdogSeconds("60")
                .resultsDir(resultsDir.toString())
                .build();
    }

    /** Runs in this JVM; the console must stay empty when the directory is refused. */
    private void assertRefusedBeforeAnythingRuns(Path resultsDir, RunFiles.Writer writer, String... expected) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BenchRunner runner = new BenchRunner(
                settings(resultsDir, "2"), new PrintStream(console, true, StandardCharsets.UTF_8), writer);

        assertThatThrownBy(runner::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--results-dir " + resultsDir + ": ")
                .hasMessageContainingAll(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Exception"));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .as("nothing printed, nothing run")
                .isEmpty();
    }

    @Test
    void aFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("results.txt"), "not a directory");

        assertRefusedBeforeAnythingRuns(file, RunFiles::replaceAtomically, "a file of that name is in the way");
        assertRefusedBeforeAnythingRuns(file.resolve("sub"), RunFiles::replaceAtomically, "not a directory");
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void aDirectoryUnderProcIsRefused() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");

        assertRefusedBeforeAnythingRuns(
                Path.of("/proc/jmpi-bench-results"),
                RunFiles::replaceAtomically,
                "cannot create files there (no such file or directory)");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsRefused() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path target = readOnly.resolve("sub");
        if (Files.isWritable(readOnly)) {
            // root ignores permission bits; sysfs refuses new directories even to root
            Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "no directory root cannot write");
            target = Path.of("/sys/jmpi-bench-results");
        }

        assertRefusedBeforeAnythingRuns(target, RunFiles::replaceAtomically, "cannot create files there (");
    }

    @Test
    void aFullDiskIsRefusedAndNothingIsLeftBehind() throws IOException {
        Path results = dir.resolve("full");
        RunFiles.Writer full = (target, content) -> {
            throw new FileSystemException(target.toString(), null, NO_SPACE);
        };

        assertRefusedBeforeAnythingRuns(results, full, ".json there (no space left on device)");
        try (var left = Files.list(results)) {
            assertThat(left).as("the claimed name is given back").isEmpty();
        }
    }

    /** A real full file system: a tiny tmpfs, filled, in a mount namespace that ends with the process. */
    @Test
    void aRealFullTmpfsIsRefusedWithExitTwo() throws Exception {
        Assumptions.assumeTrue(canMountInANamespace(), "needs root and unshare(1) to mount a tmpfs privately");
        Path mountPoint = Files.createDirectory(dir.resolve("tmpfs"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process bench = new ProcessBuilder(
                        "unshare",
                        "--mount",
                        "--propagation",
                        "private",
                        "--",
                        "sh",
                        "-c",
                        "mount -t tmpfs -o size=16k tmpfs \"$0\" && { head -c 1000000 /dev/zero > \"$0/fill\"; "
                                + "exec \"$@\"; }",
                        mountPoint.toString(),
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        BenchCommand.class.getName(),
                        "--backends",
                        "loopback",
                        "--ops",
                        "send",
                        "--sizes",
                        "1",
                        "--np",
                        "2",
                        "--results-dir",
                        mountPoint.toString())
                .redirectErrorStream(false)
                .start();
        try {
            assertThat(bench.waitFor(120, TimeUnit.SECONDS)).as("bench ended").isTrue();
            String out = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> err = new String(bench.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("head:"))
                    .toList();

            assertThat(bench.exitValue()).as("stderr: %s", err).isEqualTo(BenchCommand.USAGE);
            assertThat(err)
                    .singleElement()
                    .asString()
                    .startsWith("jmpi-bench bench: --results-dir " + mountPoint + ": cannot write ")
                    .endsWith(" there (no space left on device)");
            assertThat(out).isEmpty();
        } finally {
            bench.destroyForcibly();
            bench.waitFor(30, TimeUnit.SECONDS);
        }
        try (var left = Files.list(mountPoint)) {
            assertThat(left)
                    .as("the tmpfs was private to the process: nothing mounted here now")
                    .isEmpty();
        }
    }

    /**
     * The disk fills after the first group was saved: every later save of the results file fails. The file keeps the
     * first group, each failure names it, the second group still runs, the context says how far the file got, and the
     * run's status is 1.
     */
    @Test
    void aLaterFailedSaveKeepsWhatWasSavedAndTheRunGoesOn() throws IOException {
        Path results = dir.resolve("results");
        AtomicInteger jsonWrites = new AtomicInteger();
        RunFiles.Writer fillsUp = (target, content) -> {
            // The empty run, then the first group; then the disk is full for the results file.
            if (target.toString().endsWith(RunFiles.RESULTS_SUFFIX)
                    && !target.toString().endsWith(RunFiles.CONTEXT_SUFFIX)
                    && jsonWrites.incrementAndGet() > 2) {
                throw new FileSystemException(target.toString(), null, NO_SPACE);
            }
            RunFiles.replaceAtomically(target, content);
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchRunner.Outcome outcome;
        try (PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            outcome = new BenchRunner(settings(results, "2,3"), console, fillsUp).run();
        }
        String console = bytes.toString(StandardCharsets.UTF_8);

        assertThat(outcome.failedJobs()).as(console).isEmpty();
        assertThat(outcome.results()).as("the second group ran").hasSize(2);
        assertThat(outcome.exitStatus()).isEqualTo(1);
        assertThat(outcome.saveProblems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem)
                        .isEqualTo("could not save " + outcome.json() + " (no space left on device); it keeps what was "
                                + "saved before"));
        assertThat(console).contains("could not save " + outcome.json() + " (no space left on device)");
        assertThat(org.jmpibench.results.ResultsFile.read(outcome.json()).results())
                .as("the first group's save")
                .singleElement()
                .satisfies(result -> assertThat(result.np()).hasValue(2));
        RunContext context = RunContext.read(outcome.context());
        assertThat(context.complete())
                .as("the results file does not hold the whole run")
                .isFalse();
        assertThat(context.benchmarksDone()).isEqualTo(1);
        assertThat(context.benchmarksTotal()).isEqualTo(2);
    }

    private boolean canMountInANamespace() {
        try {
            Process probe = new ProcessBuilder(
                            "unshare",
                            "--mount",
                            "--propagation",
                            "private",
                            "--",
                            "sh",
                            "-c",
                            "mount -t tmpfs -o size=4k tmpfs \"$0\"",
                            dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean ended = probe.waitFor(30, TimeUnit.SECONDS);
            probe.destroyForcibly();
            return ended && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
