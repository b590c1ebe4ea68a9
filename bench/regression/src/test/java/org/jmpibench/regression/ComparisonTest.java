package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jmpibench.results.ResultsFileBuilder.scaled;
import static org.jmpibench.results.ResultsFileBuilder.times;

import java.nio.file.Path;
import org.jmpibench.results.Layout;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFileBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    /** Two forks of five iterations each, within ±1% of the centre. */
    static final double[] TIGHT_FORK_1 = {0.990, 1.010, 1.000, 0.995, 1.005};

    static final double[] TIGHT_FORK_2 = {1.002, 0.998, 1.007, 0.993, 1.000};
    /** Two forks of five iterations each, spread ±40% around the centre. */
    static final double[] WIDE_FORK_1 = {0.6, 1.4, 0.8, 1.2, 1.0};

    static final double[] WIDE_FORK_2 = {0.7, 1.3, 0.9, 1.1, 1.0};

    @TempDir
    Path dir;

    private ComparisonReport compare(
            ResultsFileBuilder baseline, ResultsFileBuilder current, ComparisonOptions options) {
        return Comparison.of(
                baseline.writeTo(dir.resolve("baseline.json")), current.writeTo(dir.resolve("current.json")), options);
    }

    private ComparisonReport compare(ResultsFileBuilder baseline, ResultsFileBuilder current) {
        return compare(baseline, current, ComparisonOptions.defaults());
    }

    private static ResultsFileBuilder oneTimeBenchmark(String unit, double centre, double[] fork1, double[] fork2) {
        return ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "avgt", unit, scaled(centre, fork1), scaled(centre, fork2))
                .params("loopback", 2, 1024)
                .done();
    }

    @Test
    void twentyPercentSlowdownWithTightIterationsIsARegression() {
        ComparisonReport report = compare(
                oneTimeBenchmark("us/op", 10.0, TIGHT_FORK_1, TIGHT_FORK_2),
                oneTimeBenchmark("us/op", 12.0, TIGHT_FORK_1, TIGHT_FORK_2));

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
            assertThat(row.change()).isCloseTo(0.20, within(1e-9));
            assertThat(row.pValue()).isLessThan(0.01);
            assertThat(row.baselineMedian()).isCloseTo(10.0, within(1e-9));
            assertThat(row.currentMedian()).isCloseTo(12.0, within(1e-9));
            assertThat(row.reason()).contains("slower");
        });
        assertThat(report.hasRegression()).isTrue();
        assertThat(report.exitCode(false)).isEqualTo(ComparisonReport.EXIT_REGRESSION);
    }

    @Test
    void twentyPercentSlowdownInsideWideNoiseIsNotARegression() {
        ComparisonReport report = compare(
                oneTimeBenchmark("us/op", 10.0, WIDE_FORK_1, WIDE_FORK_2),
                oneTimeBenchmark("us/op", 12.0, WIDE_FORK_1, WIDE_FORK_2));

        MetricComparison row = report.rows().get(0);
        // The medians differ by the same 20% as in the tight case: only the noise tells them apart.
        assertThat(row.change()).isCloseTo(0.20, within(1e-9));
        assertThat(row.pValue()).isGreaterThanOrEqualTo(0.01);
        assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row.reason()).startsWith("not significant");
        assertThat(report.exitCode(false)).isEqualTo(ComparisonReport.EXIT_OK);
    }

    @Test
    void significantChangeWithinThresholdIsUnchanged() {
        ComparisonReport report = compare(
                oneTimeBenchmark("us/op", 10.0, TIGHT_FORK_1, TIGHT_FORK_2),
                oneTimeBenchmark("us/op", 10.5, TIGHT_FORK_1, TIGHT_FORK_2));

        MetricComparison row = report.rows().get(0);
        assertThat(row.pValue()).isLessThan(0.01);
        assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row.reason()).startsWith("within threshold");
    }

    @Test
    void thresholdIsConfigurable() {
        ResultsFileBuilder baseline = oneTimeBenchmark("us/op", 10.0, TIGHT_FORK_1, TIGHT_FORK_2);
        ResultsFileBuilder current = oneTimeBenchmark("us/op", 12.0, TIGHT_FORK_1, TIGHT_FORK_2);

        assertThat(compare(baseline, current, ComparisonOptions.defaults().withThreshold(0.25))
                        .rows()
                        .get(0)
                        .verdict())
                .isEqualTo(Verdict.UNCHANGED);
        assertThat(compare(baseline, current, ComparisonOptions.defaults().withThreshold(0.0))
                        .rows()
                        .get(0)
                        .verdict())
                .isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void fasterTimePerOperationIsAnImprovement() {
        ComparisonReport report = compare(
                oneTimeBenchmark("us/op", 12.0, TIGHT_FORK_1, TIGHT_FORK_2),
                oneTimeBenchmark("us/op", 10.0, TIGHT_FORK_1, TIGHT_FORK_2));

        assertThat(report.rows().get(0).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(report.exitCode(false)).isEqualTo(ComparisonReport.EXIT_OK);
    }

    @Test
    void higherThroughputIsAnImprovementAndLowerThroughputARegression() {
        ResultsFileBuilder slow = ResultsFileBuilder.file()
                .add(
                        Operation.BCAST.benchmarkName(),
                        "thrpt",
                        "ops/s",
                        scaled(1000, TIGHT_FORK_1),
                        scaled(1000, TIGHT_FORK_2))
                .params("shm", 4, 8)
                .done();
        ResultsFileBuilder fast = ResultsFileBuilder.file()
                .add(
                        Operation.BCAST.benchmarkName(),
                        "thrpt",
                        "ops/s",
                        scaled(1250, TIGHT_FORK_1),
                        scaled(1250, TIGHT_FORK_2))
                .params("shm", 4, 8)
                .done();

        MetricComparison faster = compare(slow, fast).rows().get(0);
        assertThat(faster.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(faster.change()).isCloseTo(0.25, within(1e-9));
        assertThat(faster.reason()).contains("higher throughput");

        MetricComparison slower = compare(fast, slow).rows().get(0);
        assertThat(slower.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(slower.change()).isCloseTo(-0.20, within(1e-9));
        assertThat(slower.reason()).contains("lower throughput");
    }

    @Test
    void thresholdIsTheSameForTimeAndThroughput() {
        // A 12% slowdown in time is an 10.7% drop in throughput: both are a factor of 1.12, beyond 11%.
        ComparisonOptions threshold11 = ComparisonOptions.defaults().withThreshold(0.11);
        ResultsFileBuilder thrBase = ResultsFileBuilder.file()
                .add(
                        Operation.BCAST.benchmarkName(),
                        "thrpt",
                        "ops/ms",
                        scaled(100, TIGHT_FORK_1),
                        scaled(100, TIGHT_FORK_2))
                .done();
        ResultsFileBuilder thrCurr = ResultsFileBuilder.file()
                .add(
                        Operation.BCAST.benchmarkName(),
                        "thrpt",
                        "ops/ms",
                        times(scaled(100, TIGHT_FORK_1), 1 / 1.12),
                        times(scaled(100, TIGHT_FORK_2), 1 / 1.12))
                .done();
        ResultsFileBuilder timeBase = oneTimeBenchmark("us/op", 10.0, TIGHT_FORK_1, TIGHT_FORK_2);
        ResultsFileBuilder timeCurr = oneTimeBenchmark("us/op", 11.2, TIGHT_FORK_1, TIGHT_FORK_2);

        assertThat(compare(thrBase, thrCurr, threshold11).rows().get(0).verdict())
                .isEqualTo(Verdict.REGRESSED);
        assertThat(compare(timeBase, timeCurr, threshold11).rows().get(0).verdict())
                .isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void unitsAreConvertedBeforeComparing() {
        double[] us1 = scaled(10.0, TIGHT_FORK_1);
        double[] us2 = scaled(10.0, TIGHT_FORK_2);
        ResultsFileBuilder baselineUs = ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "avgt", "us/op", us1, us2)
                .done();
        ResultsFileBuilder sameInNs = ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "avgt", "ns/op", times(us1, 1000), times(us2, 1000))
                .done();
        ResultsFileBuilder slowerInNs = ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "avgt", "ns/op", times(us1, 1200), times(us2, 1200))
                .done();

        MetricComparison same = compare(baselineUs, sameInNs).rows().get(0);
        assertThat(same.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(same.unit().label()).isEqualTo("us/op");
        assertThat(same.currentMedian()).isCloseTo(10.0, within(1e-9));
        assertThat(same.change()).isCloseTo(0.0, within(1e-9));
        assertThat(same.pValue()).isGreaterThan(0.5);

        MetricComparison slower = compare(baselineUs, slowerInNs).rows().get(0);
        assertThat(slower.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(slower.change()).isCloseTo(0.20, within(1e-9));
    }

    @Test
    void throughputUnitsAreConvertedBeforeComparing() {
        double[] perUs1 = scaled(2.0, TIGHT_FORK_1);
        double[] perUs2 = scaled(2.0, TIGHT_FORK_2);
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(Operation.BCAST.benchmarkName(), "thrpt", "ops/us", perUs1, perUs2)
                .done();
        ResultsFileBuilder sameInSeconds = ResultsFileBuilder.file()
                .add(Operation.BCAST.benchmarkName(), "thrpt", "ops/s", times(perUs1, 1e6), times(perUs2, 1e6))
                .done();

        MetricComparison row = compare(baseline, sameInSeconds).rows().get(0);
        assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row.currentMedian()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void timeAgainstThroughputIsNotComparable() {
        ResultsFileBuilder time = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .done();
        ResultsFileBuilder throughput = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "ops/us",
                        scaled(0.1, TIGHT_FORK_1),
                        scaled(0.1, TIGHT_FORK_2))
                .done();

        MetricComparison row = compare(time, throughput).rows().get(0);
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(row.reason()).contains("us/op").contains("ops/us");
    }

    @Test
    void tooFewIterationsIsNotComparableEvenForALargeChange() {
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "avgt", "us/op", new double[] {10.0, 10.1, 9.9})
                .done();
        ResultsFileBuilder current = ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "avgt", "us/op", new double[] {20.0, 20.1, 19.9})
                .done();

        MetricComparison row = compare(baseline, current).rows().get(0);
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(row.reason()).contains("too few iterations (3 vs 3)");
        // The same three iterations are enough at a looser alpha (the exact smallest p of 3 vs 3 is 2/20 = 0.1).
        assertThat(compare(baseline, current, ComparisonOptions.defaults().withAlpha(0.15))
                        .rows()
                        .get(0)
                        .verdict())
                .isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void missingRawDataIsNotComparable() {
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .withoutRawData()
                .done();
        ResultsFileBuilder current = oneTimeBenchmarkAtDefaultParams();

        MetricComparison row = compare(baseline, current).rows().get(0);
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(row.reason()).contains("no per-iteration raw data in the baseline");
    }

    private static ResultsFileBuilder oneTimeBenchmarkAtDefaultParams() {
        return ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .done();
    }

    @Test
    void sampleTimeHistogramsAreReducedToIterationMeans() {
        // Each iteration: 3 samples of v and 1 of 2v, mean 1.25 v.
        double[][][][] base = new double[2][5][][];
        double[][][][] curr = new double[2][5][][];
        for (int f = 0; f < 2; f++) {
            double[] fork = f == 0 ? TIGHT_FORK_1 : TIGHT_FORK_2;
            for (int i = 0; i < 5; i++) {
                double v = 8.0 * fork[i];
                base[f][i] = new double[][] {{v, 3}, {2 * v, 1}};
                curr[f][i] = new double[][] {{1.3 * v, 3}, {2.6 * v, 1}};
            }
        }
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(Operation.GATHER_AVERAGE.benchmarkName(), "sample", "us/op")
                .histogram(base)
                .done();
        ResultsFileBuilder current = ResultsFileBuilder.file()
                .add(Operation.GATHER_AVERAGE.benchmarkName(), "sample", "us/op")
                .histogram(curr)
                .done();

        MetricComparison row = compare(baseline, current).rows().get(0);
        assertThat(row.baselineMeasurement().orElseThrow().iterations()).isEqualTo(10);
        assertThat(row.baselineMedian()).isCloseTo(10.0, within(1e-9));
        assertThat(row.currentMedian()).isCloseTo(13.0, within(1e-9));
        assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void missingAndNewBenchmarksAreListed() {
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
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
                .params("openmpi", 2, 1)
                .done();
        ResultsFileBuilder current = ResultsFileBuilder.file()
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
                .done();

        ComparisonReport report = compare(baseline, current);
        assertThat(report.rows(Verdict.MISSING))
                .singleElement()
                .satisfies(r -> assertThat(r.key().params()).containsEntry("backend", "openmpi"));
        assertThat(report.rows(Verdict.NEW))
                .singleElement()
                .satisfies(r -> assertThat(r.key().params()).containsEntry("backend", "shm"));
        assertThat(report.rows(Verdict.UNCHANGED))
                .singleElement()
                .satisfies(r -> assertThat(r.key().params()).containsEntry("backend", "loopback"));
        assertThat(report.exitCode(false)).isEqualTo(ComparisonReport.EXIT_OK);
        assertThat(report.exitCode(true)).isEqualTo(ComparisonReport.EXIT_REGRESSION);
    }

    @Test
    void differentModeOrParamsAreDifferentBenchmarks() {
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("loopback", 2, 1)
                .done();
        ResultsFileBuilder current = ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "ss", "us/op", scaled(10, TIGHT_FORK_1), scaled(10, TIGHT_FORK_2))
                .params("loopback", 2, 1)
                .done()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("loopback", 3, 1)
                .done();

        ComparisonReport report = compare(baseline, current);
        assertThat(report.counts()).containsEntry(Verdict.MISSING, 1).containsEntry(Verdict.NEW, 2);
    }

    @Test
    void aRunOnOtherHostsMatchesOnlyTheSameLayout() {
        // the baseline ran tcp on one host (before layouts existed: no layout param at all), the current run over
        // two hosts (much slower) and on one host again: only the one-host result is the same benchmark
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("tcp", 2, 1)
                .done();
        ResultsFileBuilder current = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(40, TIGHT_FORK_1),
                        scaled(40, TIGHT_FORK_2))
                .params("tcp", 2, 1)
                .param(Param.LAYOUT, "2hosts:0/1")
                .done()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("tcp", 2, 1)
                .param(Param.LAYOUT, Layout.ONE_HOST)
                .done();

        ComparisonReport report = compare(baseline, current);

        assertThat(report.rows(Verdict.UNCHANGED))
                .singleElement()
                .satisfies(r -> assertThat(r.key().params()).doesNotContainKey(Param.LAYOUT.jmhName()));
        assertThat(report.rows(Verdict.NEW))
                .singleElement()
                .satisfies(r -> assertThat(r.key().params()).containsEntry(Param.LAYOUT.jmhName(), "2hosts:0/1"));
        assertThat(report.rows(Verdict.REGRESSED)).isEmpty();
    }

    @Test
    void aRunOnJdk17MatchesABaselineFromBeforeTheJdkParameterAndJdk25IsAnotherBenchmark() {
        // the committed baseline predates --jdk (no jdk param; its ranks ran on 17); the current run swept 17 and 25,
        // and 25 is much faster: only the 17 result is the same benchmark
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("shm", 2, 262144)
                .done();
        ResultsFileBuilder current = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .params("shm", 2, 262144)
                .param(Param.JDK, "17")
                .done()
                .add(Operation.SEND.benchmarkName(), "avgt", "us/op", scaled(5, TIGHT_FORK_1), scaled(5, TIGHT_FORK_2))
                .params("shm", 2, 262144)
                .param(Param.JDK, "25")
                .done();

        ComparisonReport report = compare(baseline, current);

        assertThat(report.rows(Verdict.UNCHANGED))
                .singleElement()
                .satisfies(r -> assertThat(r.key().params()).doesNotContainKey(Param.JDK.jmhName()));
        assertThat(report.rows(Verdict.NEW))
                .singleElement()
                .satisfies(r -> assertThat(r.key().params()).containsEntry(Param.JDK.jmhName(), "25"));
        assertThat(report.rows(Verdict.IMPROVED)).isEmpty();
    }

    @Test
    void secondaryMetricsAreRowsOfTheirOwnWhenAsked() {
        ResultsFileBuilder baseline = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .secondary("rank1", "us/op", scaled(10, TIGHT_FORK_1), scaled(10, TIGHT_FORK_2))
                .secondary("slowestRank", "#", scaled(1, TIGHT_FORK_1), scaled(1, TIGHT_FORK_2))
                .done();
        ResultsFileBuilder current = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(10, TIGHT_FORK_1),
                        scaled(10, TIGHT_FORK_2))
                .secondary("rank1", "us/op", scaled(13, TIGHT_FORK_1), scaled(13, TIGHT_FORK_2))
                .secondary("slowestRank", "#", scaled(1, TIGHT_FORK_1), scaled(1, TIGHT_FORK_2))
                .done();

        assertThat(compare(baseline, current).rows()).hasSize(1);

        ComparisonReport report =
                compare(baseline, current, ComparisonOptions.defaults().withSecondary(true));
        assertThat(report.rows())
                .extracting(MetricComparison::metric, MetricComparison::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("primary", Verdict.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple("rank1", Verdict.REGRESSED),
                        org.assertj.core.groups.Tuple.tuple("slowestRank", Verdict.NOT_COMPARABLE));
        assertThat(report.rows().get(2).reason()).contains("no known better direction");
    }

    @Test
    void nanIterationScoresAreNotComparable() {
        ResultsFileBuilder baseline = oneTimeBenchmarkAtDefaultParams();
        ResultsFileBuilder current = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        new double[] {10, 10, Double.NaN, 10, 10},
                        scaled(10, TIGHT_FORK_2))
                .done();

        MetricComparison row = compare(baseline, current).rows().get(0);
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(row.reason()).contains("NaN");
    }
}
