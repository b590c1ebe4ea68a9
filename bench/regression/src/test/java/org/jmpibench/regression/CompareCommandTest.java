package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jmpibench.regression.ComparisonTest.TIGHT_FORK_1;
import static org.jmpibench.regression.ComparisonTest.TIGHT_FORK_2;
import static org.jmpibench.results.ResultsFileBuilder.scaled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.results.Operation;
import org.jmpibench.results.ResultsFileBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object... args) {
        CommandLine cmd = new CommandLine(new CompareCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        return cmd.execute(strings);
    }

    /** PingPong at two sizes and Bcast; {@code pingPongUs} is the centre of PingPong size=1. */
    private Path results(String name, double pingPongUs) {
        return ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(pingPongUs, TIGHT_FORK_1),
                        scaled(pingPongUs, TIGHT_FORK_2))
                .params("loopback", 2, 1)
                .done()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(80, TIGHT_FORK_1),
                        scaled(80, TIGHT_FORK_2))
                .params("loopback", 2, 65536)
                .done()
                .add(
                        Operation.BCAST.benchmarkName(),
                        "thrpt",
                        "ops/ms",
                        scaled(50, TIGHT_FORK_1),
                        scaled(50, TIGHT_FORK_2))
                .params("loopback", 3, 1)
                .done()
                .writeTo(dir.resolve(name));
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void noRegressionExitsZeroAndPrintsAnAlignedTable() {
        int code = run(results("base.json", 10), results("curr.json", 10));

        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Benchmark").contains("Baseline", "Current", "Change", "p", "Verdict");
        // Every table row starts its Verdict column where the header does.
        int verdictColumn = lines.get(0).indexOf("Verdict");
        List<String> rows = lines.subList(1, 4);
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.substring(verdictColumn)).startsWith("unchanged"));
        assertThat(rows)
                .anySatisfy(row -> assertThat(row).startsWith("Bcast.bcast").contains("ops/ms"));
        assertThat(out.toString())
                .contains("0 regressed, 0 improved, 3 unchanged", "benchmarks in org.jmpibench.harness");
    }

    @Test
    void regressionExitsOneAndIsNamed() {
        int code = run(results("base.json", 10), results("curr.json", 12));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString().lines())
                .anySatisfy(l -> assertThat(l).contains("PingPong.send", "size=1 ", "+20.0%", "regressed"));
        assertThat(out.toString()).contains("1 regressed");
    }

    @Test
    void thresholdOptionAcceptsPercent() {
        assertThat(run(results("base.json", 10), results("curr.json", 12), "--threshold", "25%"))
                .isEqualTo(0);
        assertThat(run(results("base.json", 10), results("curr.json", 12), "--threshold", "15"))
                .isEqualTo(1);
    }

    @Test
    void markdownAndJsonReportsAreWritten() throws IOException {
        Path md = dir.resolve("reports/compare.md");
        Path json = dir.resolve("reports/compare.json");

        int code = run(results("base.json", 10), results("curr.json", 12), "--markdown", md, "--json", json);

        assertThat(code).isEqualTo(1);
        String markdown = Files.readString(md);
        assertThat(markdown.lines().findFirst().orElseThrow())
                .startsWith("### \u274c REGRESSION: 1 of 3 benchmarks worse (PingPong.send backend=loopback")
                .contains("+20.0%");
        String regressions =
                markdown.substring(markdown.indexOf("#### Regressions (1)"), markdown.indexOf("<details>"));
        List<String> tableLines =
                regressions.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(tableLines).hasSize(3);
        assertThat(tableLines.get(0)).contains("Baseline", "Current", "Change", "p", "Verdict");
        assertThat(tableLines.get(1)).matches("\\|( -{3}:? \\|)+");
        assertThat(tableLines.get(2)).contains("PingPong.send", "**regressed**");
        assertThat(tableLines)
                .allSatisfy(
                        l -> assertThat(l.chars().filter(c -> c == '|').count()).isEqualTo(11));
        assertThat(markdown).contains("<details><summary>2 other rows").doesNotContain("#### Improvements");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("regression").asBoolean()).isTrue();
        assertThat(root.get("threshold").asDouble()).isEqualTo(0.10);
        assertThat(root.get("counts").get("regressed").asInt()).isEqualTo(1);
        assertThat(root.get("counts").get("unchanged").asInt()).isEqualTo(2);
        JsonNode comparisons = root.get("comparisons");
        assertThat(comparisons).hasSize(3);
        JsonNode regressed = null;
        for (JsonNode c : comparisons) {
            if (c.get("verdict").asText().equals("regressed")) {
                regressed = c;
            }
        }
        assertThat(regressed).isNotNull();
        assertThat(regressed.get("benchmark").asText()).isEqualTo(Operation.SEND.benchmarkName());
        assertThat(regressed.get("params").get("size").asText()).isEqualTo("1");
        assertThat(regressed.get("change").asDouble()).isBetween(0.1999, 0.2001);
        assertThat(regressed.get("pValue").asDouble()).isLessThan(0.01);
        assertThat(regressed.get("baseline").get("iterations").asInt()).isEqualTo(10);
        assertThat(regressed.get("current").get("median").asDouble()).isBetween(11.999, 12.001);
    }

    @Test
    void missingAndNewBenchmarksAreListedAndFailOnlyWhenAsked() {
        Path base = results("base.json", 10);
        Path curr = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("loopback", 2, 1)
                .done()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("shm", 2, 1)
                .done()
                .writeTo(dir.resolve("curr.json"));

        assertThat(run(base, curr)).isEqualTo(0);
        assertThat(out.toString().lines().filter(l -> l.contains("  missing  ")).count())
                .isEqualTo(2);
        assertThat(out.toString().lines().filter(l -> l.contains("  new  ")).toList())
                .singleElement()
                .asString()
                .contains("backend=shm");
        assertThat(out.toString()).contains("2 missing, 1 new");

        assertThat(run(base, curr, "--fail-on-missing")).isEqualTo(1);
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        Path absent = dir.resolve("absent.json");
        assertThat(run(absent, results("curr.json", 10))).isEqualTo(2);
        assertThat(errLines()).containsExactly("compare: baseline file " + absent + ": no such file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void emptyCurrentFileIsOneLineAndExitTwo() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThat(run(results("base.json", 10), empty)).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().startsWith("compare: current file " + empty + ": is empty");
    }

    @Test
    void corruptFileIsOneLineAndExitTwo() throws IOException {
        Path base = results("base.json", 10);
        String text = Files.readString(base);
        Path truncated = Files.writeString(dir.resolve("truncated.json"), text.substring(0, text.length() / 2));

        assertThat(run(base, truncated)).isEqualTo(2);
        assertThat(errLines())
                .singleElement()
                .asString()
                .startsWith("compare: current file " + truncated + ": not valid JSON (line ")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void nonJmhJsonIsOneLineAndExitTwo() throws IOException {
        Path other = Files.writeString(dir.resolve("package.json"), "{\"name\": \"not-a-benchmark\"}");
        assertThat(run(other, results("curr.json", 10))).isEqualTo(2);
        assertThat(errLines())
                .singleElement()
                .asString()
                .isEqualTo("compare: baseline file " + other
                        + ": not a JMH results file (the top level is an object, not an array of results; expected"
                        + " the JSON array that JMH writes with -rf json)");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run(results("base.json", 10))).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
        assertThat(run(results("base.json", 10), results("curr.json", 10), "--threshold", "ten"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'ten' is not a percentage");
        assertThat(run(results("base.json", 10), results("curr.json", 10), "--alpha", "1.5"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--alpha", "1.5");
    }

    @Test
    void unwritableReportIsOneLineAndExitTwo() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        int code = run(results("base.json", 10), results("curr.json", 10), "--json", blocker.resolve("out.json"));
        assertThat(code).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().startsWith("compare: report file ");
    }

    @Test
    void contextDifferencesArePrintedAsNotes() throws IOException {
        Path base = results("base.json", 10);
        Path curr = results("curr.json", 10);
        Files.writeString(dir.resolve("base.context.json"), "{\"host\": \"ci-1\"}");
        Files.writeString(dir.resolve("curr.context.json"), "{\"host\": \"laptop\"}");

        assertThat(run(base, curr)).isEqualTo(0);
        assertThat(out.toString()).contains("note: runs differ in context host: baseline 'ci-1', current 'laptop'");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("no regression: 3 benchmarks compared; warning: not "
                        + "comparable as a gate: different host ('ci-1' vs 'laptop')");
    }

    @Test
    void theVerdictSaysWhenCpuOrJvmDifferAndStillComputes() throws IOException {
        Path base = results("base.json", 10);
        Path curr = results("curr.json", 12);
        Files.writeString(
                dir.resolve("base.context.json"),
                "{\"host\": \"ci\", \"cpuModel\": \"EPYC 7763\"," + " \"jvm\": {\"version\": \"17.0.15\"}}");
        Files.writeString(
                dir.resolve("curr.context.json"),
                "{\"host\": \"ci\", \"cpuModel\": \"Xeon 8370C\"," + " \"jvm\": {\"version\": \"21.0.5\"}}");

        assertThat(run(base, curr)).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("REGRESSION: 1 of 3 benchmarks worse")
                .endsWith("; warning: not comparable as a gate: different CPU ('EPYC 7763' vs 'Xeon 8370C'), "
                        + "JVM ('17.0.15' vs '21.0.5')");
    }

    @Test
    void changedOnlyLeavesTheUnchangedRowsOut() {
        assertThat(run(results("base.json", 10), results("curr.json", 12), "--changed-only"))
                .isEqualTo(1);
        assertThat(out.toString().lines().filter(l -> l.contains("  unchanged  ")))
                .isEmpty();
        assertThat(out.toString())
                .contains("PingPong.send", "regressed", "(2 unchanged rows not shown: --changed-only)");
    }

    @Test
    void perBenchmarkThresholdsApplyToTheBenchmarksTheyPick() {
        Path base = results("base.json", 10);
        Path curr = results("curr.json", 12);
        assertThat(run(base, curr, "--threshold", "op:send,size:1=25%")).isEqualTo(0);
        assertThat(run(base, curr, "--threshold", "op:bcast=25%")).isEqualTo(1);
        assertThat(run(base, curr, "--threshold", "30%", "--threshold", "send,size:1=15%"))
                .isEqualTo(1);
        assertThat(run(base, curr, "--threshold", "op:sned=5%")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown operation 'sned'");
    }

    @Test
    void theMarkdownCarriesTheNotesTheConsoleShows() throws IOException {
        Path base = results("base.json", 10);
        Path curr = results("curr.json", 10);
        Files.writeString(dir.resolve("base.context.json"), "{\"host\": \"ci-1\", \"cores\": 2}");
        Files.writeString(dir.resolve("curr.context.json"), "{\"host\": \"laptop\", \"cores\": 8}");
        Path md = dir.resolve("report.md");

        assertThat(run(base, curr, "--markdown", md.toString())).isEqualTo(0);

        List<String> consoleNotes =
                out.toString().lines().filter(l -> l.startsWith("note: ")).toList();
        assertThat(consoleNotes).hasSize(2);
        String markdown = Files.readString(md);
        // the report model (MarkdownReport) puts the console's warning in the verdict heading and its notes in the
        // folded context section, each a list item without the console's "note: " prefix
        assertThat(markdown.lines().findFirst().orElseThrow())
                .startsWith("### ")
                .contains("not comparable as a gate: different host");
        consoleNotes.forEach(note -> assertThat(markdown).contains("- " + note.substring("note: ".length()) + "\n"));
    }

    @Test
    void withoutContextDifferencesTheMarkdownHasNoNotes() throws IOException {
        Path md = dir.resolve("report.md");
        assertThat(run(results("base.json", 10), results("curr.json", 10), "--markdown", md.toString()))
                .isEqualTo(0);
        assertThat(Files.readString(md))
                .doesNotContain("note:")
                .doesNotContain("runs differ in context")
                .doesNotContain("not comparable as a gate");
    }
}
