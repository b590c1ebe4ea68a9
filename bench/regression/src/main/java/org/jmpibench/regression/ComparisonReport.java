package org.jmpibench.regression;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of comparing a current run against a baseline: one {@link MetricComparison} per benchmark
 * metric, including benchmarks found in only one of the files, sorted by benchmark, mode and parameters.
 *
 * @param baselineFile the baseline's file, or null when compared in memory
 * @param currentFile the current run's file, or null when compared in memory
 * @param options the threshold and alpha used
 * @param rows every compared metric, missing and new benchmarks included
 */
public record ComparisonReport(Path baselineFile, Path currentFile, ComparisonOptions options,
                               List<MetricComparison> rows) {

    /** Exit code when no benchmark regressed. */
    public static final int EXIT_OK = 0;
    /** Exit code when at least one benchmark regressed (or, with failOnMissing, is missing). */
    public static final int EXIT_REGRESSION = 1;
    /** Exit code for a usage error or an unusable input file. */
    public static final int EXIT_USAGE = 2;

    /** Freezes the rows. */
    public ComparisonReport {
        rows = Collections.unmodifiableList(List.copyOf(rows));
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

    /**
     * The process exit code for this report.
     *
     * @param failOnMissing whether a benchmark missing from the current run fails like a regression; a
     *                      benchmark that crashed is absent from JMH's results, so a strict gate wants this
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
}
