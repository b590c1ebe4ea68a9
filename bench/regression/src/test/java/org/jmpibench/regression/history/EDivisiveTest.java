package org.jmpibench.regression.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EDivisiveTest {

    private final EDivisive detector = new EDivisive(0.05, 199, 3, 42);

    /** {@code levels[i]} for {@code lengths[i]} values each, plus normal noise of {@code sd}. */
    private static double[] steps(double sd, long seed, double[] levels, int[] lengths) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        for (int length : lengths) {
            n += length;
        }
        double[] x = new double[n];
        int i = 0;
        for (int s = 0; s < levels.length; s++) {
            for (int k = 0; k < lengths[s]; k++) {
                x[i++] = levels[s] + sd * random.nextGaussian();
            }
        }
        return x;
    }

    private List<Integer> indexes(double[] x) {
        return detector.detect(x).stream().map(EDivisive.ChangePoint::index).toList();
    }

    @Test
    void aStepIsFoundWhereItIs() {
        double[] x = steps(0.02, 1, new double[] {1.0, 1.25}, new int[] {20, 15});
        List<EDivisive.ChangePoint> found = detector.detect(x);
        assertThat(found).singleElement().satisfies(cp -> {
            assertThat(cp.index()).isEqualTo(20);
            assertThat(cp.pValue()).isEqualTo(1 / 200.0);
        });
    }

    @Test
    void severalStepsUpAndDownAreAllFound() {
        double[] x = steps(0.02, 2, new double[] {1.0, 1.3, 1.1, 1.5}, new int[] {12, 10, 14, 9});
        assertThat(indexes(x)).containsExactly(12, 22, 36);
    }

    @Test
    void pureNoiseHasNoChangePointMostOfTheTime() {
        int falseAlarms = 0;
        for (long seed = 0; seed < 40; seed++) {
            if (!indexes(steps(0.1, 100 + seed, new double[] {1.0}, new int[] {30}))
                    .isEmpty()) {
                falseAlarms++;
            }
        }
        // At significance 0.05, about 2 of 40 series; a lone bisection test can say yes by chance.
        assertThat(falseAlarms).isLessThanOrEqualTo(5);
    }

    @Test
    void aLoneOutlierIsNotASegment() {
        double[] x = steps(0.01, 3, new double[] {1.0}, new int[] {25});
        x[12] = 5.0;
        assertThat(indexes(x)).isEmpty();
    }

    @Test
    void aSmallStepInWideNoiseIsNotClaimed() {
        double[] x = steps(0.3, 4, new double[] {1.0, 1.05}, new int[] {10, 10});
        assertThat(indexes(x)).isEmpty();
    }

    @Test
    void tooShortASeriesHasNoChangePoint() {
        assertThat(indexes(new double[] {1, 1, 5, 5, 5})).isEmpty();
        assertThat(indexes(new double[] {})).isEmpty();
    }

    @Test
    void theSameSeriesGivesTheSameAnswer() {
        double[] x = steps(0.05, 5, new double[] {1.0, 1.2}, new int[] {15, 15});
        assertThat(detector.detect(x)).isEqualTo(new EDivisive(0.05, 199, 3, 42).detect(x));
    }

    @Test
    void theStatisticMatchesItsDefinition() {
        // x = 0 0 0 | 1 1 1: between distances 9 x 1, within 0; Q = 3*3/6 * (2*9/9) = 3 at the split 3.
        List<EDivisive.ChangePoint> found = new EDivisive(0.5, 19, 3, 1).detect(new double[] {0, 0, 0, 1, 1, 1});
        assertThat(found).singleElement().satisfies(cp -> {
            assertThat(cp.index()).isEqualTo(3);
            assertThat(cp.qhat()).isEqualTo(3.0);
        });
    }
}
