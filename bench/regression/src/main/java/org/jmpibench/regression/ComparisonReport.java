package org.jmpibench.regression;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jmpibench.results.RunContext;

/**
 * The result of comparing two runs, whichever way ({@code compare}: a current run against a stored baseline;
 * {@code ab}: head against base, measured together): one {@link MetricComparison} per benchmark metric, including
 * benchmarks found on one side only, sorted by benchmark, mode and parameters; how it was decided; and the warnings its
 * verdict line carries. The text, Markdown and JSON reports render this and nothing else.
 *
 * @param baseline the reference side ({@code baseline}, or {@code base} of an A/B run)
 * @param current the side under test ({@code current}, or {@code head})
 * @param options the thresholds and alpha used
 * @param rows every compared metric, missing and new benchmarks included
 * @param method one or two sentences on how a verdict is reached, for the reports
 * @param warnings what a reader of the verdict must know: runs on different machines, a run that stopped half-way, an
 *     environment set for one side; never changes a verdict
 * @param notes further detail (every context difference), shown below the table
 */
public record ComparisonReport(
        Side baseline,
        Side current,
        ComparisonOptions options,
        List<MetricComparison> rows,
        String method,
        List<String> warnings,
        List<String> notes) {

    /** Exit code when no benchmark regressed. */
    public static final int EXIT_OK = 0;
    /** Exit code when at least one benchmark regressed (or, with failOnMissing, is missing). */
    public static final int EXIT_REGRESSION = 1;
    /** Exit code for a usage error or an unusable input file. */
    public static final int EXIT_USAGE = 2;

    /**
     * One side of a comparison.
     *
     * @param name how reports call it: baseline, current, base, head
     * @param file its results file; null when compared in memory
     * @param context its context file's content; null when there is none
     */
    public record Side(String name, Path file, RunContext context) {}

    /** Freezes the lists. */
    public ComparisonReport {
        rows = Collections.unmodifiableList(List.copyOf(rows));
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public Path baselineFile() {
        return baseline.file();
    }

    public Path currentFile() {
        return current.file();
    }

    /** The same report with one more warning (an A/B run that stopped half-way, say). */
    public ComparisonReport withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new ComparisonReport(baseline, current, options, rows, method, more, notes);
    }

    /** The rows with this verdict, in report order. */
    public List<MetricComparison> rows(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).collect(Collectors.toList());
    }

    /** How many rows have each verdict; every verdict is present, possibly with 0. */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (MetricComparison r : rows) {
            counts.merge(r.verdict(), 1, Integer::sum);
        }
        return counts;
    }

    public boolean hasRegression() {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSED);
    }

    /** Whether any row has a confidence interval (A/B rows do): the reports then show that column. */
    public boolean hasIntervals() {
        return rows.stream().anyMatch(MetricComparison::hasInterval);
    }

    /**
     * The process exit code for this report.
     *
     * @param failOnMissing whether a benchmark missing from the current run fails like a regression; a benchmark that
     *     crashed is absent from JMH's results, so a strict gate wants this
     */
    public int exitCode(boolean failOnMissing) {
        if (hasRegression() || (failOnMissing && counts().get(Verdict.MISSING) > 0)) {
            return EXIT_REGRESSION;
        }
        return EXIT_OK;
    }

    /** One line: {@code 1 regressed, 2 improved, 10 unchanged, 0 not comparable, 1 missing, 0 new}. */
    public String summaryLine() {
        Map<Verdict, Integer> counts = counts();
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    /**
     * The verdict in one line, for a PR comment's first line or a log's last: {@code REGRESSION: 1 of 4 benchmarks
     * slower (worst: PingPong.send backend=shm np=2 size=1 +24.8%)} or {@code no regression: 4 benchmarks compared, 1
     * improved}, then {@code ; warning: ...} for each warning.
     */
    public String verdictLine() {
        StringBuilder line = new StringBuilder();
        List<MetricComparison> regressed = rows(Verdict.REGRESSED);
        long compared = rows.stream()
                .filter(r -> r.verdict() != Verdict.MISSING && r.verdict() != Verdict.NEW)
                .count();
        if (!regressed.isEmpty()) {
            MetricComparison worst = regressed.stream()
                    .max(Comparator.comparingDouble(r -> Math.abs(Math.log1p(r.change()))))
                    .orElseThrow();
            line.append("REGRESSION: ")
                    .append(regressed.size())
                    .append(" of ")
                    .append(compared)
                    .append(compared == 1 ? " benchmark" : " benchmarks")
                    .append(" worse (")
                    .append(regressed.size() == 1 ? "" : "worst: ")
                    .append(Cells.shortName(worst))
                    .append(' ')
                    .append(Cells.change(worst.change()))
                    .append(')');
        } else {
            line.append("no regression: ")
                    .append(compared)
                    .append(compared == 1 ? " benchmark" : " benchmarks")
                    .append(" compared");
        }
        Map<Verdict, Integer> counts = counts();
        for (Verdict v : List.of(Verdict.IMPROVED, Verdict.NOT_COMPARABLE, Verdict.MISSING, Verdict.NEW)) {
            if (counts.get(v) > 0) {
                line.append(", ").append(counts.get(v)).append(' ').append(v.label());
            }
        }
        for (String warning : warnings) {
            line.append("; warning: ").append(warning);
        }
        return line.toString();
    }
}
