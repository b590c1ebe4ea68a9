package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class SignedRankTest {

    @Test
    void criticalValuesAreTheTabulatedOnes() {
        // Two-sided 5% critical values of the signed-rank statistic (any textbook table).
        assertThat(SignedRank.criticalValue(5, 0.05)).isEqualTo(-1);
        assertThat(SignedRank.criticalValue(6, 0.05)).isEqualTo(0);
        assertThat(SignedRank.criticalValue(8, 0.05)).isEqualTo(3);
        assertThat(SignedRank.criticalValue(10, 0.05)).isEqualTo(8);
        assertThat(SignedRank.criticalValue(12, 0.05)).isEqualTo(13);
        assertThat(SignedRank.criticalValue(20, 0.05)).isEqualTo(52);
        // Two-sided 1%.
        assertThat(SignedRank.criticalValue(12, 0.01)).isEqualTo(7);
    }

    @Test
    void smallestPValueIsAllOfOneSign() {
        assertThat(SignedRank.smallestPValue(8)).isEqualTo(2.0 / 256);
        assertThat(SignedRank.smallestPValue(1)).isEqualTo(1.0);
        assertThat(SignedRank.lowerTail(8, 0)).isEqualTo(1.0 / 256);
    }

    @Test
    void theEstimateIsTheMedianOfWalshAverages() {
        SignedRank.Estimate e = SignedRank.of(new double[] {1, 2, 3, 4, 50}, 0.2);
        // Walsh averages, sorted: 1 1.5 2 2 2.5 2.5 3 3 3.5 4 25.5 26 26.5 27 50; their median is 3, the mean of
        // the data (12) would follow the wild block.
        assertThat(e.centre()).isEqualTo(3.0);
        assertThat(e.n()).isEqualTo(5);
    }

    @Test
    void tooFewDifferencesHaveNoInterval() {
        SignedRank.Estimate e = SignedRank.of(new double[] {0.3, 0.31, 0.29, 0.3}, 0.05);
        assertThat(e.hasInterval()).isFalse();
        assertThat(e.excludesZero()).isFalse();
    }

    @Test
    void theIntervalExcludesZeroExactlyWhenTheTestRejectsAndThePValueIsHipparchussExactOne() {
        WilcoxonSignedRankTest hipparchus = new WilcoxonSignedRankTest();
        SplittableRandom random = new SplittableRandom(14);
        for (int trial = 0; trial < 1000; trial++) {
            int n = 8 + random.nextInt(9);
            double shift = random.nextDouble(-0.5, 0.5);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = shift + random.nextGaussian();
            }
            double alpha = 0.0125;
            SignedRank.Estimate e = SignedRank.of(d, alpha);
            assertThat(e.excludesZero())
                    .as("n=%d d=%s", n, java.util.Arrays.toString(d))
                    .isEqualTo(e.pValue() <= alpha);
            assertThat(e.centre()).isBetween(e.low(), e.high());
            // Hipparchus 4.0.2 doubles the tail without capping at 1 (it returned 1.0547 for a centred sample).
            assertThat(e.pValue())
                    .isCloseTo(Math.min(1, hipparchus.wilcoxonSignedRankTest(new double[n], d, true)), within(1e-12));
        }
    }

    @Test
    void theIntervalCoversTheTrueCentreAsOftenAsItSays() {
        // Heavy-tailed symmetric noise (Student t with 2 degrees of freedom) around a shift of 0.1.
        SplittableRandom random = new SplittableRandom(7);
        int trials = 4000;
        int covered = 0;
        double confidence = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[] d = new double[12];
            for (int i = 0; i < d.length; i++) {
                double chi2 = Math.pow(random.nextGaussian(), 2) + Math.pow(random.nextGaussian(), 2);
                d[i] = 0.1 + 0.05 * random.nextGaussian() / Math.sqrt(chi2 / 2);
            }
            SignedRank.Estimate e = SignedRank.of(d, 0.05);
            confidence = e.confidence();
            if (e.low() <= 0.1 && 0.1 <= e.high()) {
                covered++;
            }
        }
        assertThat(confidence).isCloseTo(1 - 2 * SignedRank.lowerTail(12, 13), within(1e-12));
        assertThat((double) covered / trials).isCloseTo(confidence, within(0.015));
    }
}
