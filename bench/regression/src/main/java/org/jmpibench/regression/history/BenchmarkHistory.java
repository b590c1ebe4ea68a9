package org.jmpibench.regression.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.stat.descriptive.rank.Median;
import org.jmpibench.regression.BenchmarkSelector;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Metric;
import org.jmpibench.results.ScoreUnit;

/**
 * One benchmark's score across the runs that have it, in the runs' order, and its change points: each run's score is
 * the median of its iterations (in the first run's unit); the detector works on their logarithms, so a step is a ratio,
 * the same for a fast and a slow benchmark.
 *
 * @param key the benchmark
 * @param unit the unit of {@code values}
 * @param runs the runs that have it, in order
 * @param values their scores
 * @param changes where its level changes, in order
 * @param levels the median of each segment between changes: one more than {@code changes}
 */
record BenchmarkHistory(
        BenchmarkKey key,
        ScoreUnit unit,
        List<HistoryRun> runs,
        double[] values,
        List<Change> changes,
        List<Double> levels) {

    /**
     * A step.
     *
     * @param index the first value after it
     * @param before the level before
     * @param after the level after
     * @param pValue the permutation test's p-value
     * @param machine what changed in host, CPU or JVM between the runs either side of it, or null
     */
    record Change(int index, double before, double after, double pValue, String machine) {

        double ratio() {
            return after / before;
        }
    }

    /** Every benchmark the selectors pick (all when there are none), with its change points. */
    static List<BenchmarkHistory> of(List<HistoryRun> ordered, List<BenchmarkSelector> select, EDivisive detector) {
        Map<BenchmarkKey, List<HistoryRun>> runsOf = new LinkedHashMap<>();
        Map<BenchmarkKey, List<Double>> valuesOf = new LinkedHashMap<>();
        Map<BenchmarkKey, ScoreUnit> unitOf = new LinkedHashMap<>();
        for (HistoryRun run : ordered) {
            for (BenchmarkResult result : run.results()) {
                BenchmarkKey key = result.key();
                if (!select.isEmpty() && select.stream().noneMatch(s -> s.matches(key))) {
                    continue;
                }
                Metric metric = result.primary();
                ScoreUnit unit = unitOf.computeIfAbsent(key, k -> metric.unit());
                if (!metric.unit().convertibleTo(unit) || metric.iterations() == 0) {
                    continue;
                }
                double value = new Median().evaluate(metric.in(unit).iterationScores());
                if (value > 0 && Double.isFinite(value)) {
                    runsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
                    valuesOf.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            }
        }
        List<BenchmarkHistory> histories = new ArrayList<>();
        runsOf.keySet().stream().sorted().forEach(key -> {
            double[] values =
                    valuesOf.get(key).stream().mapToDouble(Double::doubleValue).toArray();
            histories.add(analyse(key, unitOf.get(key), runsOf.get(key), values, detector));
        });
        return histories;
    }

    private static BenchmarkHistory analyse(
            BenchmarkKey key, ScoreUnit unit, List<HistoryRun> runs, double[] values, EDivisive detector) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        List<EDivisive.ChangePoint> found = detector.detect(logs);
        found.forEach(cp -> bounds.add(cp.index()));
        bounds.add(values.length);
        List<Double> levels = new ArrayList<>();
        for (int s = 0; s + 1 < bounds.size(); s++) {
            levels.add(new Median().evaluate(values, bounds.get(s), bounds.get(s + 1) - bounds.get(s)));
        }
        List<Change> changes = new ArrayList<>();
        for (int c = 0; c < found.size(); c++) {
            int index = found.get(c).index();
            String before = runs.get(index - 1).machine();
            String after = runs.get(index).machine();
            String machine =
                    before != null && after != null && !Objects.equals(before, after) ? before + " -> " + after : null;
            changes.add(new Change(
                    index, levels.get(c), levels.get(c + 1), found.get(c).pValue(), machine));
        }
        return new BenchmarkHistory(key, unit, runs, values, changes, levels);
    }
}
