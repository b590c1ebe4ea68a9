package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Metric;

/**
 * Compares the two sides of an A/B run measured in blocks of forks ({@link BlockDesign}): per benchmark metric, each
 * complete pair of forks (both forks of the pair have it) gives one log ratio head/base of the per-fork medians;
 * {@link BlockVerdictRule} turns those into the change, its interval and the verdict. Benchmarks found on one side only
 * are rows of their own ({@link Verdict#MISSING}: in base, not in head; {@link Verdict#NEW}).
 *
 * <pre>{@code
 * ComparisonReport report = BlockedComparison.of(forks, baseSide, headSide, baseMerged, headMerged, options);
 * }</pre>
 */
public final class BlockedComparison {

    /** Family-wise alpha of {@code ab}: a run of unchanged code flags any benchmark in at most 1 of 20 runs. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** The smallest change {@code ab} reports: half the 10% it must see, so a real 10% passes it most times. */
    public static final double DEFAULT_THRESHOLD = 0.05;

    /**
     * One fork's results: where it ran in the design and which side it measured.
     *
     * @param block its block, from 0
     * @param position its place in the block, from 0 ({@link BlockDesign#order})
     * @param results the fork's benchmark results (one JMH fork each); empty when its run wrote none
     */
    public record Fork(int block, int position, AbSide side, List<BenchmarkResult> results) {
        public Fork {
            results = List.copyOf(results);
        }
    }

    private BlockedComparison() {}

    /**
     * @param forks every fork measured, in any order
     * @param base the base side of the report (its merged results file and context)
     * @param head the head side
     * @param baseMerged every base fork in one result per benchmark (what {@code base.json} holds)
     * @param headMerged likewise for head
     * @param options thresholds, the family-wise alpha, secondary metrics
     */
    public static ComparisonReport of(
            List<Fork> forks,
            ComparisonReport.Side base,
            ComparisonReport.Side head,
            List<BenchmarkResult> baseMerged,
            List<BenchmarkResult> headMerged,
            ComparisonOptions options) {
        Map<BenchmarkKey, BenchmarkResult> baseByKey = byKey(baseMerged);
        Map<BenchmarkKey, BenchmarkResult> headByKey = byKey(headMerged);
        List<MetricRef> compared = new ArrayList<>();
        List<MetricComparison> rows = new ArrayList<>();
        Set<BenchmarkKey> keys = new LinkedHashSet<>(baseByKey.keySet());
        keys.addAll(headByKey.keySet());
        for (BenchmarkKey key : keys) {
            BenchmarkResult b = baseByKey.get(key);
            BenchmarkResult h = headByKey.get(key);
            if (b == null || h == null) {
                rows.add(onlyIn(b == null ? h : b, b == null ? Verdict.NEW : Verdict.MISSING));
                continue;
            }
            compared.add(new MetricRef(key, MetricComparison.PRIMARY, b.primary(), h.primary()));
            if (options.includeSecondary()) {
                b.secondary().forEach((name, metric) -> {
                    Metric other = h.secondary().get(name);
                    if (other != null) {
                        compared.add(new MetricRef(key, name, metric, other));
                    }
                });
            }
        }
        BlockVerdictRule rule = new BlockVerdictRule(options, compared.size());
        int blocks = (int) forks.stream().mapToInt(Fork::block).distinct().count();
        for (MetricRef ref : compared) {
            rows.add(rule.decide(ref.key, ref.metric, ref.base, ref.head, pairSamples(forks, ref)));
        }
        rows.sort(Comparison.ROW_ORDER);
        return new ComparisonReport(
                base,
                head,
                options,
                rows,
                rule.method(blocks),
                List.of(),
                ContextCheck.notes(base.name(), base.file(), head.name(), head.file()));
    }

    /** A metric of a benchmark both sides have. */
    private record MetricRef(BenchmarkKey key, String metric, Metric base, Metric head) {}

    /**
     * Per pair of forks ({@link BlockDesign#pair}), the base and the head fork's medians, in the base metric's unit; a
     * pair is left out unless both of its forks have the metric with usable iterations and neither is an outlier among
     * the forks of the complete pairs ({@link OutlierForks}).
     */
    private static BlockVerdictRule.Samples pairSamples(List<Fork> forks, MetricRef ref) {
        Map<List<Integer>, Double> baseScores = new LinkedHashMap<>();
        Map<List<Integer>, Double> headScores = new LinkedHashMap<>();
        for (Fork fork : forks) {
            Double score = forkScore(fork, ref);
            if (score != null) {
                List<Integer> pair = List.of(fork.block(), BlockDesign.pair(fork.position()));
                (fork.side() == AbSide.BASE ? baseScores : headScores).put(pair, score);
            }
        }
        Map<List<Object>, Double> pooled = new LinkedHashMap<>();
        baseScores.forEach((pair, score) -> {
            if (headScores.containsKey(pair)) {
                pooled.put(List.of(pair, AbSide.BASE), score);
                pooled.put(List.of(pair, AbSide.HEAD), headScores.get(pair));
            }
        });
        Set<List<Object>> outliers = OutlierForks.of(pooled);
        Set<Object> spoiled = new LinkedHashSet<>();
        outliers.forEach(fork -> spoiled.add(fork.get(0)));
        List<BlockVerdictRule.Pair> pairs = new ArrayList<>();
        baseScores.keySet().stream()
                .filter(p -> headScores.containsKey(p) && !spoiled.contains(p))
                .sorted(Comparator.<List<Integer>>comparingInt(p -> p.get(0)).thenComparingInt(p -> p.get(1)))
                .forEach(p ->
                        pairs.add(new BlockVerdictRule.Pair(p.get(0), p.get(1), baseScores.get(p), headScores.get(p))));
        return new BlockVerdictRule.Samples(pairs, outliers.size());
    }

    /** The fork's median iteration score of the metric in the base unit; null when it has none usable. */
    private static Double forkScore(Fork fork, MetricRef ref) {
        for (BenchmarkResult result : fork.results()) {
            if (!result.key().equals(ref.key)) {
                continue;
            }
            Metric metric = ref.metric.equals(MetricComparison.PRIMARY)
                    ? result.primary()
                    : result.secondary().get(ref.metric);
            if (metric == null || !metric.unit().convertibleTo(ref.base.unit())) {
                return null;
            }
            double[] scores = metric.in(ref.base.unit()).iterationScores();
            if (scores.length == 0 || !VerdictRule.allFinite(scores)) {
                return null;
            }
            double median = new org.hipparchus.stat.descriptive.rank.Median().evaluate(scores);
            return median > 0 ? median : null;
        }
        return null;
    }

    private static Map<BenchmarkKey, BenchmarkResult> byKey(List<BenchmarkResult> results) {
        Map<BenchmarkKey, BenchmarkResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.key(), r));
        return map;
    }

    private static MetricComparison onlyIn(BenchmarkResult result, Verdict verdict) {
        Metric m = result.primary();
        boolean missing = verdict == Verdict.MISSING;
        double median = VerdictRule.medianOrScore(m);
        return new MetricComparison(
                result.key(),
                MetricComparison.PRIMARY,
                verdict,
                missing
                        ? "measured in base only (every head fork failed or skipped it)"
                        : "measured in head only (every base fork failed or skipped it)",
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
