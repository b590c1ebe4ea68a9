package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankSumTestTest {

    private final RankSumTest test = new RankSumTest();

    @Test
    void separatedSamplesWithoutTiesGiveTheExactTwoSidedPValue() {
        assertThat(test.pValue(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}))
                .isCloseTo(2.0 / 252, within(1e-12));
    }

    @Test
    void tiesInsideASampleKeepTheExactPValueOfSeparatedSamples() {
        // SingleShotTime iterations of whole nanoseconds: two equal baseline iterations.
        double[] baseline = {0.35, 0.551, 0.35, 0.291, 0.261};
        double[] current = {1.108, 1.745, 1.108, 0.922, 0.827};
        assertThat(test.pValue(baseline, current)).isCloseTo(2.0 / 252, within(1e-12));
    }

    @Test
    void tiesAcrossSamplesCountEveryArrangementOfTheMidRanks() {
        // Pooled mid-ranks 1, 3, 3, 3, 5, 6; a's rank sum 7 is 3.5 below its mean 10.5. The exact p-value is the
        // share of the 20 ways to pick three ranks whose sum is at least that far from the mean, counted here.
        double[] a = {1, 2, 2};
        double[] b = {2, 4, 5};
        double[] ranks = {1, 3, 3, 3, 5, 6};
        int extreme = 0;
        int all = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                for (int k = j + 1; k < 6; k++) {
                    all++;
                    if (Math.abs(ranks[i] + ranks[j] + ranks[k] - 10.5) >= 3.5 - 1e-9) {
                        extreme++;
                    }
                }
            }
        }
        assertThat(test.pValue(a, b)).isCloseTo((double) extreme / all, within(1e-12));
    }

    @Test
    void identicalSamplesAreNotSignificant() {
        assertThat(test.pValue(new double[] {1, 1, 2}, new double[] {1, 1, 2})).isEqualTo(1.0);
    }

    @Test
    void smallestPValueNeedsFiveIterationsASideAtOnePercent() {
        assertThat(test.smallestPValue(4, 4)).isGreaterThan(0.01);
        assertThat(test.smallestPValue(5, 5)).isLessThan(0.01);
    }
}
