package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 30, 14, 5, 9, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void namesFilesByUtcTimeAndHost() throws IOException {
        RunFiles files = RunFiles.claim(dir, WHEN.withZoneSameInstant(ZoneOffset.ofHours(2)), "node-1");

        assertThat(files.name()).isEqualTo("20261130-140509-node-1");
        assertThat(files.json().getFileName()).hasToString("20261130-140509-node-1.json");
        assertThat(files.context().getFileName()).hasToString("20261130-140509-node-1.context.json");
        assertThat(files.copy("csv").getFileName()).hasToString("20261130-140509-node-1.csv");
        assertThat(files.copy("text").getFileName()).hasToString("20261130-140509-node-1.txt");
        assertThatThrownBy(() -> files.copy("json")).hasMessageContaining("formats: csv, scsv, text, latex");
        assertThat(files.calibration().getFileName()).hasToString("20261130-140509-node-1.calibration.json");
        assertThat(files.log()).as("the log is the claim").exists();
        assertThat(RunFiles.contextFileOf(files.json())).isEqualTo(files.context());
        assertThat(RunFiles.runName(files.json())).isEqualTo(files.name());
    }

    @Test
    void contextFileSitsBesideTheResults() {
        assertThat(RunFiles.contextFileOf(Path.of("results/baseline/baseline.json")))
                .isEqualTo(Path.of("results/baseline/baseline.context.json"));
    }

    @Test
    void neverClaimsANameAnyOfWhoseFilesExists() throws IOException {
        Files.writeString(dir.resolve("20261130-140509-h.csv"), "from another tool");
        Files.writeString(dir.resolve("20261130-140509-h-2.tex"), "from another tool");
        Files.writeString(dir.resolve("20261130-140509-h-3.calibration.json"), "{}");
        RunFiles first = RunFiles.claim(dir, WHEN, "h");
        RunFiles second = RunFiles.claim(dir, WHEN, "h");

        assertThat(first.name()).isEqualTo("20261130-140509-h-4");
        assertThat(second.name()).isEqualTo("20261130-140509-h-5");
        assertThat(dir.resolve("20261130-140509-h.log"))
                .as("a skipped name is left as it was")
                .doesNotExist();
    }

    /** Runs started in the same second each get a name of their own: exclusive create has one winner. */
    @Test
    void runsClaimingAtTheSameInstantGetDistinctNames() throws Exception {
        int runs = 16;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RunFiles>> claims = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Callable<RunFiles> claim = () -> {
                    start.await();
                    return RunFiles.claim(dir, WHEN, "h");
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            Set<String> names = new HashSet<>();
            for (Future<RunFiles> claim : claims) {
                names.add(claim.get(60, TimeUnit.SECONDS).name());
            }
            assertThat(names).hasSize(runs);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesWholeFilesAndReplacesOnlyItsOwn() throws IOException {
        RunFiles files = RunFiles.claim(dir, WHEN, "h");
        files.write(files.json(), "[]".getBytes(StandardCharsets.UTF_8));
        files.write(files.json(), "[ ]".getBytes(StandardCharsets.UTF_8));

        assertThat(files.json()).hasContent("[ ]");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder(
                            files.json().getFileName().toString(),
                            files.log().getFileName().toString());
        }
        assertThatThrownBy(() -> files.write(dir.resolve("other.json"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedWriteKeepsWhatWasSaved() throws IOException {
        boolean[] full = {false};
        RunFiles files = RunFiles.claim(dir, WHEN, "h", (target, content) -> {
            if (full[0]) {
                throw new FileSystemException(target.toString(), null, "No space left on device");
            }
            RunFiles.replaceAtomically(target, content);
        });
        files.write(files.json(), "[1]".getBytes(StandardCharsets.UTF_8));
        full[0] = true;

        assertThatThrownBy(() -> files.write(files.json(), "[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        IOException.class, e -> assertThat(IoCause.of(e)).isEqualTo("no space left on device"));
        assertThat(files.json()).hasContent("[1]");
    }

    @Test
    void aFileInTheWayOfTheDirectoryIsAnIoError() throws IOException {
        Path file = Files.writeString(dir.resolve("x"), "");

        assertThatThrownBy(() -> RunFiles.claim(file, WHEN, "h"))
                .isInstanceOfSatisfying(
                        IOException.class,
                        e -> assertThat(IoCause.of(e)).isEqualTo("a file of that name is in the way"));
        assertThatThrownBy(() -> RunFiles.claim(file.resolve("sub"), WHEN, "h"))
                .isInstanceOfSatisfying(
                        IOException.class, e -> assertThat(IoCause.of(e)).isEqualTo("not a directory"));
    }

    @Test
    void hostNamesBecomeSafeFileNames() {
        assertThat(RunFiles.fileSafe("a b/c:d")).isEqualTo("a_b_c_d");
        assertThat(RunFiles.fileSafe("")).isEqualTo("host");
    }
}
