package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A/B gate end to end, through the command line: {@code ab} on a git repository made for the test, whose "build" is
 * a stand-in for Maven that puts the jar under test where a real build would (so the test measures the real benchmarks
 * without building the project twice inside the build), and fails on a commit marked broken.
 *
 * <p>Timings decide nothing here beyond a huge plant: the unchanged run has too few pairs of forks for any verdict but
 * "not comparable" (it checks the path and the files), and the planted run makes head's send ten times slower
 * (JMPI_BENCH_TEST_SLOWDOWN, fraction 9) against a threshold of 200% and an alpha that 3 blocks' 6 pairs all of one
 * sign reach (2/64 = 0.031 < 0.3; 5 of 6 give 0.063): a pair's log ratio is 2.3 against the 1.4 of the slowest
 * placement of a fork's ranks seen on this machine (4x).
 */
class AbGateTest {

    private static final Duration LIMIT = Duration.ofMinutes(4);
    private static final String[] TINY = {
        "--", "--backends", "loopback", "--sizes", "1", "-wi", "1", "-w", "50ms", "-i", "2", "-r", "50ms"
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static Path repo;
    private static Path fakeMaven;
    private static Path builds;

    @BeforeAll
    static void repository() throws Exception {
        repo = Files.createDirectories(root.resolve("repo"));
        builds = root.resolve("builds.txt");
        fakeMaven = root.resolve("fake-mvn");
        Files.writeString(fakeMaven, """
                #!/bin/sh
                # Stands in for 'mvn -B -q -DskipTests package': the jar under test is what the build makes.
                echo "$PWD $*" >> "$JMPI_TEST_BUILDS"
                if [ -f BROKEN ]; then echo "[ERROR] COMPILATION ERROR: broken on purpose"; exit 1; fi
                mkdir -p bench/target && cp "$JMPI_TEST_JAR" bench/target/jmpi-bench.jar
                """);
        Files.setPosixFilePermissions(fakeMaven, PosixFilePermissions.fromString("rwxr-xr-x"));
        git("init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitignore"), "bench/target/\n");
        Files.writeString(repo.resolve("README"), "a repository for the A/B gate's test\n");
        git("add", ".");
        git("commit", "-q", "-m", "first");
        git("checkout", "-q", "-b", "broken");
        Files.writeString(repo.resolve("BROKEN"), "this commit does not build\n");
        git("add", ".");
        git("commit", "-q", "-m", "broken");
        git("checkout", "-q", "main");
    }

    private static void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("git", "-C", repo.toString(), "-c", "user.name=test", "-c", "user.email=test@localhost"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git %s: %s", args, out).isZero();
    }

    /** {@code ab} on the test repository with the stand-in build, a cache of the test's own, then {@code args}. */
    private static String[] ab(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "ab",
                "--repo",
                repo.toString(),
                "--cache",
                root.resolve("cache").toString(),
                "--mvn",
                fakeMaven.toString(),
                "--time-budget",
                "0"));
        if (out != null) {
            all.addAll(List.of("--out", out.toString()));
        }
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static CliProcess.Result run(String... args) {
        return CliProcess.run(LIMIT, List.of(), env(), args);
    }

    private static Map<String, String> env() {
        return Map.of("JMPI_TEST_JAR", CliProcess.JAR.toString(), "JMPI_TEST_BUILDS", builds.toString());
    }

    private static String[] plus(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws Exception {
        CliProcess.Result unknown = run(ab(null, "--base", "no-such-branch"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err().lines())
                .containsExactly("jmpi-bench ab: --base 'no-such-branch' is not a commit in " + repo.toRealPath());

        CliProcess.Result broken = run(ab(null, "--base", "broken"));
        assertThat(broken.status()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.err().lines())
                .singleElement()
                .asString()
                .startsWith("jmpi-bench ab: --base broken (")
                .contains("does not build", "exited 1", "broken on purpose", "build.log");

        Files.writeString(repo.resolve("README"), "changed, not committed\n");
        try {
            CliProcess.Result dirty = run(ab(null, "--base", "main", "--require-clean"));
            assertThat(dirty.status()).as(dirty.toString()).isEqualTo(2);
            assertThat(dirty.err().lines())
                    .singleElement()
                    .asString()
                    .contains("uncommitted changes", "--require-clean");
        } finally {
            git("checkout", "--", "README");
        }

        CliProcess.Result owned = run(ab(null, "--base", "main", "--", "-f", "3"));
        assertThat(owned.status()).as(owned.toString()).isEqualTo(2);
        assertThat(owned.err().lines()).singleElement().asString().contains("-f is ab's own");

        CliProcess.Result refused = run(
                ab(root.resolve("refused"), "--base", "main", "--head", "main", "--", "--backends", "no-such-backend"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err().lines())
                .singleElement()
                .asString()
                .contains("refused the bench options", "unknown backend 'no-such-backend'");
    }

    /**
     * A jar that runs as the jar under test but whose entries all sit elsewhere in the file: what a real build of head
     * writes over {@code bench/target/jmpi-bench.jar} (a JVM still reading the old one finds garbage at the offsets it
     * knows).
     */
    private static Path rebuiltJar() throws IOException {
        Path variant = root.resolve("rebuilt.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(CliProcess.JAR));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(variant))) {
            out.putNextEntry(new ZipEntry("jmpi-test-rebuilt.bin"));
            out.write(new byte[1 << 20]);
            out.closeEntry();
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return variant;
    }

    @Test
    void unchangedCodePassesAndAHugePlantedSlowdownFailsTheGate() throws Exception {
        AvailableBackends.assumeAvailable("loopback");
        // ./jmpi-bench ab --base main in a checkout: ab runs from the jar that building head (the work tree, in
        // place) rewrites; the stand-in build copies other bytes over it, as a real one does.
        Path driver = Files.createDirectories(repo.resolve("bench/target")).resolve("jmpi-bench.jar");
        Files.copy(CliProcess.JAR, driver, StandardCopyOption.REPLACE_EXISTING);
        Path same = root.resolve("same");
        CliProcess.Result unchanged;
        try (CliProcess cli = CliProcess.start(
                driver,
                List.of(),
                Map.of("JMPI_TEST_JAR", rebuiltJar().toString(), "JMPI_TEST_BUILDS", builds.toString()),
                ab(same, plus(new String[] {"--base", "main", "--blocks", "1"}, TINY)))) {
            unchanged = cli.awaitExit(LIMIT);
        }
        assertThat(unchanged.status()).as(unchanged.toString()).isZero();
        List<String> out = unchanged.out().lines().toList();
        assertThat(out.get(out.size() - 1)).isEqualTo("no regression: 1 benchmark compared, 1 not comparable");
        assertThat(Files.readString(same.resolve("comparison.md"))).startsWith("### \u2705 no regression");
        BenchmarkResult base =
                ResultsFile.read(same.resolve("base.json")).results().get(0);
        assertThat(base.primary().forks()).as("both base forks in base.json").isEqualTo(2);
        RunContext baseContext = RunContext.read(same.resolve("base.context.json"));
        assertThat(baseContext.gitCommit()).isEqualTo(commitOf("main"));
        assertThat(baseContext.gitDirty()).contains(false);

        Path planted = root.resolve("planted");
        CliProcess.Result slowed = run(ab(
                planted,
                plus(
                        new String[] {
                            "--base",
                            "main",
                            "--blocks",
                            "3",
                            "--alpha",
                            "0.3",
                            "--threshold",
                            "200%",
                            "--head-env",
                            "JMPI_BENCH_TEST_SLOWDOWN=loopback:send:9"
                        },
                        TINY)));
        assertThat(slowed.status()).as(slowed.toString()).isEqualTo(1);
        List<String> lines = slowed.out().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("REGRESSION: 1 of 1 benchmark worse (PingPong.send " + "backend=loopback")
                .contains("; warning: head ran with JMPI_BENCH_TEST_SLOWDOWN=loopback:send:9");
        JsonNode comparison = JSON.readTree(planted.resolve("comparison.json").toFile());
        assertThat(comparison.get("regression").asBoolean()).isTrue();
        assertThat(comparison.get("comparisons").get(0).get("pairs").asInt()).isEqualTo(6);
        assertThat(comparison.get("sides").get("current").get("commit").asText())
                .isEqualTo(commitOf("HEAD"));
        assertThat(ResultsFile.read(planted.resolve("head.json"))
                        .results()
                        .get(0)
                        .primary()
                        .forks())
                .isEqualTo(6);
        // main was built once, by whichever run came first (the cache); the work tree (head here) in place.
        String mainCheckout = "/cache/" + commitOf("main") + "/src ";
        assertThat(Files.readAllLines(builds).stream()
                        .filter(l -> l.contains(mainCheckout))
                        .count())
                .isEqualTo(1);
        assertThat(Files.readAllLines(builds)).anySatisfy(l -> assertThat(l).startsWith(repo.toRealPath() + " "));
    }

    @Test
    void aRunStoppedHalfWayKeepsWhatItMeasuredAndSaysSo() throws Exception {
        AvailableBackends.assumeAvailable("loopback");
        Path out = root.resolve("stopped");
        try (CliProcess cli = CliProcess.start(
                List.of(),
                env(),
                ab(out, plus(new String[] {"--base", "main", "--head", "main", "--blocks", "3"}, TINY)))) {
            try {
                cli.awaitStdoutLine(line -> line.contains("[ 2/12]") && line.endsWith("ok"), LIMIT);
                Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(cli.pid())).start();
                assertThat(kill.waitFor()).isZero();
                CliProcess.Result result = cli.awaitExit(Duration.ofSeconds(60));
                assertThat(result.status())
                        .as("a run stopped by a signal is not a success")
                        .isNotZero();
                assertThat(result.out())
                        .contains("ab: interrupted after 0 of 3 blocks; what was measured is in " + out);
                assertThat(cli.watch().survivors(Duration.ofSeconds(10)))
                        .as("processes left")
                        .isEmpty();
            } finally {
                cli.close();
            }
        }
        assertThat(Files.readString(out.resolve("comparison.md"))
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .contains("warning: incomplete (interrupted): 0 of 3 blocks");
        assertThat(ResultsFile.read(out.resolve("base.json")).results()).isNotEmpty();
        assertThat(ResultsFile.read(out.resolve("head.json")).results()).isNotEmpty();
        assertThat(RunContext.read(out.resolve("head.context.json")).flatten())
                .containsEntry("ab.state", "interrupted");
    }

    private static String commitOf(String revision) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", revision).start();
        String commit = new String(git.getInputStream().readAllBytes()).strip();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return commit;
    }
}
