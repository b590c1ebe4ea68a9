package org.jmpibench.regression.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmpibench.results.GitState;
import org.jmpibench.results.Operation;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HistoryCommandTest {

    private static final int RUNS = 12;
    private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path repo;
    private Path results;
    private final List<String> commits = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /**
     * Twelve commits, one run each; shm send gets 25% slower from the 7th commit on, loopback stays. The runs started
     * in another order than their commits (run 2 of a commit re-measured late, say), so only the commit order shows the
     * step cleanly.
     */
    @BeforeEach
    void twelveRuns() throws Exception {
        repo = Files.createDirectories(dir.resolve("repo"));
        results = Files.createDirectories(dir.resolve("results"));
        git("init", "-q");
        for (int i = 0; i < RUNS; i++) {
            git("commit", "-q", "--allow-empty", "-m", "commit " + i);
            commits.add(git("rev-parse", "HEAD"));
        }
        int[] startOrder = {3, 0, 7, 1, 10, 2, 4, 11, 5, 9, 6, 8};
        for (int i = 0; i < RUNS; i++) {
            double noise = 1 + 0.005 * ((i * 7) % 5 - 2);
            double shm = (i < 6 ? 10.0 : 12.5) * noise;
            double loopback = 40.0 * noise;
            String name = "run-" + i;
            ResultsFileBuilder.file()
                    .add(Operation.SEND, new double[] {shm, shm * 1.01, shm * 0.99})
                    .params("shm", 2, 1)
                    .done()
                    .add(Operation.SEND, new double[] {loopback, loopback * 1.01, loopback * 0.99})
                    .params("loopback", 2, 1)
                    .done()
                    .writeTo(results.resolve(name + ".json"));
            RunContext context = new RunContext.Builder(
                            T0.plusHours(startOrder[i]), "ci", new GitState(commits.get(i), false, null))
                    .build();
            Files.write(RunFiles.contextFileOf(results.resolve(name + ".json")), context.toJson());
        }
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("git", "-C", repo.toString(), "-c", "user.name=test", "-c", "user.email=test@localhost"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(git.getInputStream().readAllBytes()).strip();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as(text).isZero();
        return text;
    }

    private int run(Object... args) {
        CommandLine cli = new CommandLine(new HistoryCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new));
    }

    @Test
    void aStepInCommitOrderIsFlaggedAtItsCommitAndCharted() throws IOException {
        Path page = dir.resolve("history");

        assertThat(run("--repo", repo, "--out", page, results))
                .as(err.toString())
                .isZero();

        String text = out.toString();
        assertThat(text).contains("12 runs of 2 benchmarks, in commit order (git rev-list --topo-order of");
        assertThat(text.lines().filter(l -> l.startsWith("PingPong.send backend=shm")))
                .singleElement()
                .asString()
                .contains("change at run 7 (" + commits.get(6).substring(0, 8) + ")", "(+25.");
        assertThat(text).contains("1 benchmark without a change point");
        assertThat(page.resolve("trend-001.png")).isRegularFile();
        assertThat(page.resolve("trend-001.svg")).isRegularFile();
        assertThat(page.resolve("trend-002.png")).doesNotExist();
        assertThat(Files.readString(page.resolve("index.html")))
                .contains("<img src=\"trend-001.png\"", "PingPong.send backend=shm");
        JsonNode json = new ObjectMapper().readTree(page.resolve("history.json").toFile());
        JsonNode shm = json.get("benchmarks").get(1);
        assertThat(shm.get("params").get("backend").asText()).isEqualTo("shm");
        assertThat(shm.get("changes").get(0).get("commit").asText()).isEqualTo(commits.get(6));
        assertThat(shm.get("runs")).hasSize(RUNS);
    }

    @Test
    void withoutTheRepositoryTheRunsAreInTimeOrderAndItSaysSo() {
        Path notARepo = dir.resolve("elsewhere");

        assertThat(run("--out", dir.resolve("history"), results))
                .as(err.toString())
                .isZero();

        assertThat(out.toString())
                .contains("in run-time order (a run's commit is not in")
                .doesNotContain(notARepo.toString());
    }

    @Test
    void selectedBenchmarksAreChartedChangedOrNot() {
        Path page = dir.resolve("history");

        assertThat(run("--repo", repo, "--out", page, "--select", "backend:loopback", results))
                .isZero();

        assertThat(out.toString()).contains("12 runs of 1 benchmarks");
        assertThat(page.resolve("trend-001.png")).isRegularFile();
    }

    @Test
    void filesInADirectoryThatAreNotResultsAreSkippedWithANote() throws IOException {
        Files.writeString(results.resolve("comparison.json"), "{\"verdict\": \"no regression\"}");

        assertThat(run("--repo", repo, "--out", dir.resolve("history"), results))
                .isZero();

        assertThat(out.toString())
                .contains("note: skipped results file " + results.resolve("comparison.json")
                        + ": not a JMH results file");
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws IOException {
        Path missing = dir.resolve("missing.json");
        assertThat(run("--out", dir.resolve("history"), missing)).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly("jmpi-bench history: results file " + missing + ": no such file");

        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        err.getBuffer().setLength(0);
        assertThat(run("--out", foreign, results)).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains("holds files history did not write");

        err.getBuffer().setLength(0);
        assertThat(run("--out", dir.resolve("h"), "--select", "op:nope", results))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown operation 'nope'");
    }
}
