package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.Sizes;
import org.junit.jupiter.api.Test;

/**
 * {@code results/baseline/README.md} says what the committed baseline is, in a table of facts; each row must be what
 * the two files hold. A refreshed baseline with an old README fails here, naming the rows that changed.
 */
class BaselineReadmeTest {
    private static final Path BASELINE = Path.of("../../results/baseline");
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+?) \\| ([^|]+?) \\|$");

    @Test
    void everyFactInTheReadmeIsWhatTheBaselineFilesHold() throws IOException {
        List<BenchmarkResult> results =
                ResultsFile.read(BASELINE.resolve("baseline.json")).results();
        RunContext context = RunContext.read(BASELINE.resolve("baseline.context.json"));
        Map<String, String> flat = context.flatten();
        Map<String, String> jmh = results.get(0).jmhSettings();

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("results", Integer.toString(results.size()));
        expected.put(
                "operations",
                results.stream()
                        .map(r -> r.operation().orElseThrow())
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .map(Operation::cliName)
                        .collect(Collectors.joining(", ")));
        expected.put("backends", distinct(results, Param.BACKEND));
        expected.put(
                "np",
                results.stream().map(r -> r.np().getAsInt()).collect(Collectors.toCollection(TreeSet::new)).stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(", ")));
        expected.put(
                "sizes",
                results.stream()
                        .map(r -> r.sizeBytes().getAsLong())
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .map(Sizes::formatBytes)
                        .collect(Collectors.joining(", ")));
        expected.put("buffer", distinct(results, Param.BUFFER));
        expected.put("profile", flat.get("profile"));
        expected.put("forks", jmh.get("forks"));
        expected.put("warm-up", jmh.get("warmupIterations") + " × " + jmh.get("warmupTime"));
        expected.put("measurement", jmh.get("measurementIterations") + " × " + jmh.get("measurementTime"));
        expected.put("JMH", jmh.get("jmhVersion"));
        expected.put("JVM", flat.get("jvm.version") + " (" + flat.get("jvm.vendor") + ")");
        expected.put("host", context.host() + ", " + flat.get("cores") + " cores");
        expected.put("taken", flat.get("started").substring(0, "yyyy-MM-dd".length()));
        expected.put("failed jobs", Integer.toString(context.failedJobs().size()));
        expected.put("context schema", flat.get("schema"));
        expected.put("commit recorded", context.gitCommit() == null ? "no" : "yes");
        expected.put("CPU model recorded", context.cpuModel() == null ? "no" : "yes");

        Map<String, String> readme = factsOfReadme();
        assertThat(readme).containsAllEntriesOf(expected);
        boolean idleParam = results.stream().anyMatch(r -> r.param(Param.IDLE).isPresent());
        assertThat(readme.get("idle"))
                .startsWith(
                        idleParam
                                ? distinct(results, Param.IDLE)
                                : "default (the results " + "predate the idle parameter)");
    }

    private static String distinct(List<BenchmarkResult> results, Param param) {
        return results.stream()
                .map(r -> r.param(param).orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.joining(", "));
    }

    /** The rows of the table under "## What it is". */
    private static Map<String, String> factsOfReadme() throws IOException {
        List<String> lines = Files.readAllLines(BASELINE.resolve("README.md"));
        int start = lines.indexOf("## What it is");
        assertThat(start).as("a section '## What it is'").isNotNegative();
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("## ") && !facts.isEmpty()) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches() && !row.group(1).equals("fact") && !row.group(1).startsWith("---")) {
                facts.put(row.group(1), row.group(2));
            }
        }
        return facts;
    }
}
