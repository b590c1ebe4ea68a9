package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jmpibench.regression.AbFixture.Bench;
import org.junit.jupiter.api.Test;

class BlockedComparisonTest {

    private static final Bench SHM_1 = AbFixture.FOUR.get(2);

    private static MetricComparison rowOf(ComparisonReport report, Bench bench) {
        return report.rows().stream()
                .filter(r -> r.key().params().equals(new java.util.TreeMap<>(bench.params())))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPlantedSlowdownOnOneBenchmarkIsTheOnlyRegression() {
        AbFixture run = new AbFixture(
                AbFixture.FOUR, Map.of(SHM_1, 1.25), 12, AbFixture.normal(0.03), AbFixture.normal(0.03), 1);

        ComparisonReport report = run.compare(AbFixture.abDefaults());

        assertThat(report.rows(Verdict.REGRESSED)).singleElement().satisfies(row -> {
            assertThat(row.key().params()).containsEntry("backend", "shm").containsEntry("size", "1");
            assertThat(row.pairs()).isEqualTo(24);
            assertThat(row.changeLow()).isLessThan(0.25);
            assertThat(row.changeHigh()).isGreaterThan(0.25);
            assertThat(row.change()).isBetween(0.15, 0.35);
            assertThat(row.reason()).startsWith("slower by a factor of");
        });
        assertThat(report.rows(Verdict.UNCHANGED)).hasSize(3);
        assertThat(report.verdictLine())
                .startsWith("REGRESSION: 1 of 4 benchmarks worse (PingPong.send " + "backend=shm np=2 size=1 +");
        assertThat(report.method()).startsWith("12 blocks of 4 forks").contains("98.75%", "alpha 0.05 for all 4");
    }

    @Test
    void aSteadyDriftOfTheMachineCancelsWithinBlocks() {
        // The machine gets 2x slower over the 48 forks; forks otherwise vary by 2%.
        double drift = Math.log(2) / 48;
        AbFixture unchanged =
                new AbFixture(AbFixture.FOUR, Map.of(), 12, drift, AbFixture.normal(0.02), AbFixture.normal(0.02), 2);
        AbFixture planted = new AbFixture(
                AbFixture.FOUR, Map.of(SHM_1, 1.10), 12, drift, AbFixture.normal(0.02), AbFixture.normal(0.02), 2);

        assertThat(unchanged.compare(AbFixture.abDefaults()).rows()).allSatisfy(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
            assertThat(row.change()).isBetween(-0.03, 0.03);
        });
        assertThat(planted.compare(AbFixture.abDefaults()).rows(Verdict.REGRESSED))
                .singleElement()
                .satisfies(row -> assertThat(row.key().params()).containsEntry("backend", "shm"));
    }

    @Test
    void fasterIsAnImprovement() {
        AbFixture run =
                new AbFixture(AbFixture.FOUR, Map.of(SHM_1, 0.7), 12, AbFixture.normal(0.1), AbFixture.normal(0.05), 3);

        ComparisonReport report = run.compare(AbFixture.abDefaults());

        assertThat(report.rows(Verdict.IMPROVED))
                .singleElement()
                .satisfies(row -> assertThat(row.reason()).startsWith("faster"));
        assertThat(report.hasRegression()).isFalse();
    }

    @Test
    void aSignificantChangeWithinItsThresholdIsUnchanged() {
        AbFixture run = new AbFixture(
                AbFixture.FOUR, Map.of(SHM_1, 1.03), 12, AbFixture.normal(0.003), AbFixture.normal(0.003), 4);

        MetricComparison row = rowOf(run.compare(AbFixture.abDefaults()), SHM_1);

        assertThat(row.changeLow()).isGreaterThan(0);
        assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row.reason()).startsWith("within threshold");
    }

    @Test
    void perBenchmarkThresholdsApply() {
        AbFixture run = new AbFixture(
                AbFixture.FOUR, Map.of(SHM_1, 1.25), 12, AbFixture.normal(0.1), AbFixture.normal(0.02), 5);
        ComparisonOptions options = AbFixture.abDefaults()
                .withThresholds(Thresholds.of(0.05)
                        .with(new Thresholds.Rule(BenchmarkSelector.parse("op:send,backend:shm"), 0.40)));

        MetricComparison row = rowOf(run.compare(options), SHM_1);

        assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row.threshold()).isEqualTo(0.40);
    }

    @Test
    void tooFewPairsAreNotComparableEvenForAHugeChange() {
        AbFixture run =
                new AbFixture(AbFixture.FOUR, Map.of(SHM_1, 3.0), 3, AbFixture.normal(0.01), AbFixture.normal(0.01), 6);

        MetricComparison row = rowOf(run.compare(AbFixture.abDefaults()), SHM_1);

        // 4 comparisons at alpha 0.05: 0.0125 each; 3 blocks are 6 pairs, which cannot go below p = 2/64.
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(row.reason())
                .isEqualTo("too few pairs of forks (6): the smallest p-value is 0.0313, the level per comparison "
                        + "0.0125");
        assertThat(row.change()).isBetween(1.9, 2.1);
    }

    @Test
    void aPairWithAFailedForkIsLeftOutAndTheBlocksOtherPairKept() {
        AbFixture run =
                new AbFixture(AbFixture.FOUR, Map.of(), 12, AbFixture.uniform(0.05), AbFixture.uniform(0.005), 7);
        // Block 3's second fork ran but wrote nothing (its job failed).
        List<BlockedComparison.Fork> forks = new java.util.ArrayList<>(run.forks);
        BlockedComparison.Fork failed = forks.get(3 * 4 + 1);
        forks.set(3 * 4 + 1, new BlockedComparison.Fork(failed.block(), failed.position(), failed.side(), List.of()));

        ComparisonReport report = BlockedComparison.of(
                forks,
                new ComparisonReport.Side("base", null, null),
                new ComparisonReport.Side("head", null, null),
                run.baseMerged,
                run.headMerged,
                AbFixture.abDefaults());

        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.pairs()).isEqualTo(23);
            assertThat(row.reason()).contains(", 23 pairs, p=");
        });
    }

    @Test
    void aForkInTheMachinesSlowStateIsLeftOutWithItsPair() {
        AbFixture run =
                new AbFixture(AbFixture.FOUR, Map.of(), 12, AbFixture.uniform(0.05), AbFixture.uniform(0.005), 9);
        // Block 5's third fork (a head fork: BAAB's first is head, so ABBA's third is head) ran 3.5x slower throughout.
        List<BlockedComparison.Fork> forks = new java.util.ArrayList<>(run.forks);
        BlockedComparison.Fork slow = forks.get(4 * 4 + 2);
        forks.set(4 * 4 + 2, new BlockedComparison.Fork(slow.block(), slow.position(), slow.side(), scaled(slow, 3.5)));

        ComparisonReport report = BlockedComparison.of(
                forks,
                new ComparisonReport.Side("base", null, null),
                new ComparisonReport.Side("head", null, null),
                run.baseMerged,
                run.headMerged,
                AbFixture.abDefaults());

        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.pairs()).isEqualTo(23);
            assertThat(row.reason()).contains(", 23 pairs (1 outlier fork left out), p=");
        });
        assertThat(report.method()).contains("a fork further than 3 robust sd from the median of all forks left out");
    }

    @Test
    void aLargeRealChangeLeavesNoForkOut() {
        AbFixture run = new AbFixture(
                AbFixture.FOUR, Map.of(SHM_1, 2.0), 12, AbFixture.normal(0.03), AbFixture.normal(0.01), 10);

        MetricComparison row = rowOf(run.compare(AbFixture.abDefaults()), SHM_1);

        assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row.pairs()).isEqualTo(24);
        assertThat(row.change()).isBetween(0.9, 1.1);
    }

    /** The fork's results with every iteration {@code factor} times slower. */
    private static List<org.jmpibench.results.BenchmarkResult> scaled(BlockedComparison.Fork fork, double factor) {
        return fork.results().stream()
                .map(r -> {
                    double[][] raw = r.primary().rawData();
                    double[][] slower = new double[raw.length][];
                    for (int i = 0; i < raw.length; i++) {
                        slower[i] = java.util.Arrays.stream(raw[i])
                                .map(v -> v * factor)
                                .toArray();
                    }
                    Bench bench = AbFixture.FOUR.stream()
                            .filter(b -> new java.util.TreeMap<>(b.params())
                                    .equals(r.key().params()))
                            .findFirst()
                            .orElseThrow();
                    return AbFixture.result(bench, slower);
                })
                .toList();
    }

    @Test
    void benchmarksOnOneSideOnlyAreMissingOrNew() {
        AbFixture run = new AbFixture(AbFixture.FOUR, Map.of(), 12, AbFixture.normal(0.1), AbFixture.normal(0.02), 8);
        List<org.jmpibench.results.BenchmarkResult> head = run.headMerged.subList(0, 3);

        ComparisonReport report = BlockedComparison.of(
                run.forks,
                new ComparisonReport.Side("base", null, null),
                new ComparisonReport.Side("head", null, null),
                run.baseMerged,
                head,
                AbFixture.abDefaults());

        assertThat(report.rows(Verdict.MISSING))
                .singleElement()
                .satisfies(row -> assertThat(row.reason()).contains("base only"));
        assertThat(report.method()).contains("all 3 compared");
    }
}
