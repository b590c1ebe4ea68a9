package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The A/B decision rule on simulated runs (seeded, so the same every time): how often a run of unchanged code flags
 * anything, and how often a planted slowdown is found, at {@code ab}'s defaults (16 blocks, alpha 0.05, threshold 5%)
 * and fork-to-fork noise like this machine's, with and without forks in the machine's slow state (one in eight, 3.5x,
 * as shm's were here). The table behind the defaults is in {@code bench/regression/README.md}; this keeps its corners
 * true.
 */
class GateCalibrationTest {

    private static final int RUNS = 400;
    private static final int BLOCKS = 16;
    private static final AbFixture.Bench PLANTED = AbFixture.FOUR.get(2);
    /** How much slower a fork in the machine's slow state is. */
    private static final double SLOW_STATE = 3.5;

    /** Share of simulated runs whose report satisfies {@code flagged}. */
    private static double rate(
            double ratio, double forkSd, boolean heavyTails, long seed, Predicate<ComparisonReport> flagged) {
        return rate(ratio, forkSd, heavyTails, 0, seed, flagged);
    }

    /** As above, with {@code slowShare} of the forks 3.5x slower throughout. */
    private static double rate(
            double ratio,
            double forkSd,
            boolean heavyTails,
            double slowShare,
            long seed,
            Predicate<ComparisonReport> flagged) {
        // Split the sd of a fork's log score between what a fork's benchmarks share and each benchmark's own.
        double each = forkSd / Math.sqrt(2);
        int hits = 0;
        for (int run = 0; run < RUNS; run++) {
            AbFixture.Noise shared = AbFixture.placement(
                    slowShare, SLOW_STATE, heavyTails ? AbFixture.heavy(each / Math.sqrt(3)) : AbFixture.normal(each));
            AbFixture.Noise own = heavyTails ? AbFixture.heavy(each / Math.sqrt(3)) : AbFixture.normal(each);
            Map<AbFixture.Bench, Double> planted = ratio == 1 ? Map.of() : Map.of(PLANTED, ratio);
            AbFixture fixture = new AbFixture(AbFixture.FOUR, planted, BLOCKS, shared, own, seed + run);
            if (flagged.test(fixture.compare(AbFixture.abDefaults()))) {
                hits++;
            }
        }
        return (double) hits / RUNS;
    }

    private static boolean anyFlag(ComparisonReport report) {
        return report.rows().stream()
                .anyMatch(r -> r.verdict() == Verdict.REGRESSED || r.verdict() == Verdict.IMPROVED);
    }

    private static boolean onlyThePlantedOne(ComparisonReport report) {
        return report.rows(Verdict.REGRESSED).size() == 1
                && report.rows(Verdict.IMPROVED).isEmpty()
                && report.rows(Verdict.REGRESSED)
                        .get(0)
                        .key()
                        .params()
                        .get("backend")
                        .equals("shm")
                && report.rows(Verdict.REGRESSED)
                        .get(0)
                        .key()
                        .params()
                        .get("size")
                        .equals("1");
    }

    @Test
    void unchangedCodeFlagsAnythingInFewerThanOneRunInTwenty() {
        assertThat(rate(1, 0.15, true, 1_000, GateCalibrationTest::anyFlag)).isLessThanOrEqualTo(0.06);
        assertThat(rate(1, 0.05, false, 2_000, GateCalibrationTest::anyFlag)).isLessThanOrEqualTo(0.01);
    }

    @Test
    void aPlanted25PercentIsFoundAloneWhenForksVaryByTenPercent() {
        assertThat(rate(1.25, 0.10, true, 3_000, GateCalibrationTest::onlyThePlantedOne))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void forksInTheSlowStateNeitherRaiseFalseFlagsNorHideA25PercentSlowdown() {
        assertThat(rate(1, 0.10, false, 0.125, 6_000, GateCalibrationTest::anyFlag))
                .isLessThanOrEqualTo(0.07);
        assertThat(rate(1.25, 0.10, false, 0.125, 7_000, GateCalibrationTest::onlyThePlantedOne))
                .isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void aPlanted10PercentIsFoundWhenForksVaryByFivePercent() {
        assertThat(rate(1.10, 0.05, false, 4_000, GateCalibrationTest::onlyThePlantedOne))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(rate(1.10, 0.08, false, 5_000, GateCalibrationTest::onlyThePlantedOne))
                .isGreaterThanOrEqualTo(0.85);
    }
}
