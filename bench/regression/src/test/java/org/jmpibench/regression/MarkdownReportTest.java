package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Operation;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.ScoreUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    private static final ScoreUnit US = ScoreUnit.parse("us/op");
    private static final Metric ANY = new Metric(US, 1, 0.1, 0.9, 1.1, new double[][] {{1, 1, 1}});

    @TempDir
    Path dir;

    private static MetricComparison row(
            Operation op, String backend, int np, long size, String buffer, Verdict verdict, double change) {
        BenchmarkKey key = BenchmarkKey.of(
                op.benchmarkName(),
                "avgt",
                Map.of("backend", backend, "np", Integer.toString(np), "size", Long.toString(size), "buffer", buffer));
        return new MetricComparison(
                key,
                MetricComparison.PRIMARY,
                verdict,
                "slower by a factor of 1.248 (+24.8% [+18.1%, +31.9%], 32 pairs, p=0.0001)",
                US,
                ANY,
                ANY,
                10.0,
                10 * (1 + change),
                change,
                0.0001,
                change - 0.05,
                change + 0.05,
                32,
                0.05);
    }

    private static ComparisonReport report(
            List<MetricComparison> rows, RunContext base, RunContext head, List<String> warnings) {
        return new ComparisonReport(
                new ComparisonReport.Side("base", Path.of("ab/base.json"), base),
                new ComparisonReport.Side("head", Path.of("ab/head.json"), head),
                AbFixture.abDefaults(),
                rows,
                "16 blocks of 4 forks ...",
                warnings,
                List.of());
    }

    /**
     * The full profile (5 backends x 3 operations x 12 sizes x np 2, 4 x 2 buffer kinds = 720 benchmarks) times the
     * operations other branches add, as rows of the worst kind: every one regressed.
     */
    private static List<MetricComparison> fullProfileTimesThree(Verdict verdict) {
        List<MetricComparison> rows = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (Operation op : Operation.values()) {
                for (String backend : List.of("loopback", "shm", "openmpi", "mpj-niodev", "mpj-smpdev")) {
                    for (long size = 1; size <= 4L << 20; size *= 4) {
                        for (int np : List.of(2, 4)) {
                            for (String buffer : List.of("array", "direct")) {
                                rows.add(row(
                                        op, backend + (copy == 0 ? "" : "-" + copy), np, size, buffer, verdict, 0.25));
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void aFullProfileSizedComparisonStaysUnderGitHubsLimitAndSaysWhatItLeftOut() {
        List<MetricComparison> rows = fullProfileTimesThree(Verdict.REGRESSED);
        assertThat(rows.size()).isGreaterThanOrEqualTo(2000);

        String markdown = MarkdownReport.render(report(rows, null, null, List.of()));

        assertThat(markdown.length()).isLessThanOrEqualTo(MarkdownReport.MAX_CHARS);
        assertThat(markdown.lines().findFirst().orElseThrow())
                .startsWith("### \u274c REGRESSION: " + rows.size() + " of " + rows.size() + " benchmarks worse");
        assertThat(markdown).containsPattern("\\*\\*\\d+ rows left out\\*\\* to stay under GitHub's comment limit");
        assertThat(count(markdown, "<details>")).isEqualTo(count(markdown, "</details>"));
    }

    @Test
    void unchangedRowsAreTheFirstToGoAndRegressionsStayVisible() {
        List<MetricComparison> rows = new ArrayList<>(fullProfileTimesThree(Verdict.UNCHANGED));
        rows.add(0, row(Operation.SEND, "shm", 2, 1, "array", Verdict.REGRESSED, 0.25));

        String markdown = MarkdownReport.render(report(rows, null, null, List.of()));

        assertThat(markdown.length()).isLessThanOrEqualTo(MarkdownReport.MAX_CHARS);
        String regressions =
                markdown.substring(markdown.indexOf("#### Regressions (1)"), markdown.indexOf("<details>"));
        assertThat(regressions).contains("PingPong.send", "backend=shm", "**regressed**");
        assertThat(count(markdown, "<details>")).isEqualTo(count(markdown, "</details>"));
    }

    @Test
    void regressionsThenImprovementsThenTheRestFolded() {
        List<MetricComparison> rows = List.of(
                row(Operation.SEND, "shm", 2, 1, "array", Verdict.UNCHANGED, 0.01),
                row(Operation.BCAST, "shm", 2, 1, "array", Verdict.IMPROVED, -0.2),
                row(Operation.SEND, "loopback", 2, 1, "array", Verdict.REGRESSED, 0.3));

        String markdown = MarkdownReport.render(report(rows, null, null, List.of()));

        int regressions = markdown.indexOf("#### Regressions (1)");
        int improvements = markdown.indexOf("#### Improvements (1)");
        int rest = markdown.indexOf("<details><summary>1 other row: 1 regressed, 1 improved, 1 unchanged");
        assertThat(regressions).isPositive().isLessThan(improvements);
        assertThat(improvements).isLessThan(rest);
        assertThat(markdown).doesNotContain("left out").contains("| Interval |", "[+25.0%, +35.0%]");
        assertThat(markdown.length()).isLessThan(MarkdownReport.MAX_CHARS);
    }

    @Test
    void theContextLineShowsCommitsAndDifferencesAndWarningsJoinTheVerdict() throws IOException {
        RunContext base = context("base", "1111111111aaaa", false, "EPYC 7763");
        RunContext head = context("head", "2222222222bbbb", true, "Xeon 8370C");
        ComparisonReport report = report(
                List.of(row(Operation.SEND, "shm", 2, 1, "array", Verdict.UNCHANGED, 0)),
                base,
                head,
                List.of("stopped after 7 of 16 blocks (interrupted)"));

        String markdown = MarkdownReport.render(report);
        List<String> lines = markdown.lines().toList();

        assertThat(lines.get(0))
                .isEqualTo("### \u26a0\ufe0f no regression: 1 benchmark compared; warning: stopped "
                        + "after 7 of 16 blocks (interrupted)");
        assertThat(lines.get(2))
                .isEqualTo("base `1111111111` \u00b7 head `2222222222` (dirty) \u00b7 host `ci` "
                        + "\u00b7 **CPU differs**: `EPYC 7763` vs `Xeon 8370C` \u00b7 JVM `17.0.15`");
        assertThat(markdown).contains("| CPU | **EPYC 7763** | **Xeon 8370C** |", "| dirty | false | true |");
    }

    private RunContext context(String name, String commit, boolean dirty, String cpu) throws IOException {
        Path file = Files.writeString(
                dir.resolve(name + ".context.json"),
                "{\"host\": \"ci\", \"cpuModel\": \""
                        + cpu + "\", \"git\": {\"commit\": \"" + commit + "\", \"dirty\": " + dirty + "},"
                        + " \"jvm\": {\"version\": \"17.0.15\"}}");
        return RunContext.read(file);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
