package org.jmpibench.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Metric;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunContext;

/**
 * Compares a current JMH run against a baseline.
 *
 * <p>Benchmarks are matched by {@link BenchmarkKey}: full name, mode and all parameters. Each matched pair's primary
 * metric (and, when asked, each secondary metric both have) gets a verdict from {@link VerdictRule}; benchmarks found
 * in one file only are rows of their own, {@link Verdict#MISSING} or {@link Verdict#NEW}, never dropped.
 *
 * <pre>{@code
 * ComparisonReport report = Comparison.of(Path.of("results/baseline/baseline.json"),
 *         Path.of("results/20261130-140000-host.json"), ComparisonOptions.defaults());
 * if (report.hasRegression()) { ... }
 * }</pre>
 */
public final class Comparison {

    static final String BASELINE = "baseline";
    static final String CURRENT = "current";

    /** Benchmark, mode, parameters; the primary metric before the secondary ones. */
    static final Comparator<MetricComparison> ROW_ORDER = Comparator.comparing(MetricComparison::key)
            .thenComparing(r -> !r.isPrimary())
            .thenComparing(MetricComparison::metric);

    private Comparison() {}

    /**
     * Reads both files and compares them.
     *
     * @throws ResultsFileException if either file is missing, empty, not JSON or not a JMH result
     */
    public static ComparisonReport of(Path baseline, Path current, ComparisonOptions options) {
        List<BenchmarkResult> baselineResults =
                ResultsFile.read(baseline, BASELINE).results();
        List<BenchmarkResult> currentResults =
                ResultsFile.read(current, CURRENT).results();
        RunContext baseContext = ContextCheck.contextOf(baseline);
        RunContext currContext = ContextCheck.contextOf(current);
        return new ComparisonReport(
                new ComparisonReport.Side(BASELINE, baseline, baseContext),
                new ComparisonReport.Side(CURRENT, current, currContext),
                options,
                rows(baselineResults, currentResults, options),
                VerdictRule.method(options),
                ContextCheck.gateWarning(baseline, baseContext, current, currContext),
                ContextCheck.notes(BASELINE, baseline, CURRENT, current));
    }

    /** Compares results already in memory. */
    public static ComparisonReport of(
            List<BenchmarkResult> baseline, List<BenchmarkResult> current, ComparisonOptions options) {
        return new ComparisonReport(
                new ComparisonReport.Side(BASELINE, null, null),
                new ComparisonReport.Side(CURRENT, null, null),
                options,
                rows(baseline, current, options),
                VerdictRule.method(options),
                List.of(),
                List.of());
    }

    private static List<MetricComparison> rows(
            List<BenchmarkResult> baseline, List<BenchmarkResult> current, ComparisonOptions options) {
        Map<BenchmarkKey, BenchmarkResult> currentByKey = new LinkedHashMap<>();
        for (BenchmarkResult b : current) {
            currentByKey.put(b.key(), b);
        }
        VerdictRule rule = new VerdictRule(options);
        List<MetricComparison> rows = new ArrayList<>();
        for (BenchmarkResult base : baseline) {
            BenchmarkResult curr = currentByKey.remove(base.key());
            if (curr == null) {
                rows.add(onlyIn(base, Verdict.MISSING, "in the baseline, not in the current run"));
                continue;
            }
            rows.add(rule.decide(base.key(), MetricComparison.PRIMARY, base.primary(), curr.primary()));
            if (options.includeSecondary()) {
                for (Map.Entry<String, Metric> e : base.secondary().entrySet()) {
                    Metric other = curr.secondary().get(e.getKey());
                    if (other != null) {
                        rows.add(rule.decide(base.key(), e.getKey(), e.getValue(), other));
                    } else {
                        rows.add(new MetricComparison(
                                base.key(),
                                e.getKey(),
                                Verdict.MISSING,
                                "secondary metric in the baseline, not in the current run",
                                e.getValue().unit(),
                                e.getValue(),
                                null,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN));
                    }
                }
                for (Map.Entry<String, Metric> e : curr.secondary().entrySet()) {
                    if (!base.secondary().containsKey(e.getKey())) {
                        rows.add(new MetricComparison(
                                base.key(),
                                e.getKey(),
                                Verdict.NEW,
                                "secondary metric in the current run, not in the baseline",
                                e.getValue().unit(),
                                null,
                                e.getValue(),
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN));
                    }
                }
            }
        }
        for (BenchmarkResult curr : currentByKey.values()) {
            rows.add(onlyIn(curr, Verdict.NEW, "in the current run, not in the baseline"));
        }
        rows.sort(ROW_ORDER);
        return rows;
    }

    private static MetricComparison onlyIn(BenchmarkResult benchmark, Verdict verdict, String reason) {
        Metric m = benchmark.primary();
        boolean missing = verdict == Verdict.MISSING;
        double median = VerdictRule.medianOrScore(m);
        return new MetricComparison(
                benchmark.key(),
                MetricComparison.PRIMARY,
                verdict,
                reason,
                m.unit(),
                missing ? m : null,
                missing ? null : m,
                missing ? median : Double.NaN,
                missing ? Double.NaN : median,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }
}
