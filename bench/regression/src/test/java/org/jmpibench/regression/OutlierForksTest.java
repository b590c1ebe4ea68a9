package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlierForksTest {

    private static Map<String, Double> forks(double... scores) {
        Map<String, Double> forks = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            forks.put("fork" + i, scores[i]);
        }
        return forks;
    }

    @Test
    void aForkFarOutOfTheOthersSpreadIsAnOutlier() {
        assertThat(OutlierForks.of(forks(1.00, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 3.5)))
                .containsExactly("fork7");
        assertThat(OutlierForks.of(forks(1.00, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 0.3)))
                .containsExactly("fork7");
    }

    @Test
    void aChangeBetweenTheSidesIsNotAnOutlier() {
        // Half the forks (head) 2x slower: the pool's spread is the change itself.
        assertThat(OutlierForks.of(forks(1.00, 1.02, 0.98, 1.01, 2.00, 2.04, 1.96, 2.02)))
                .isEmpty();
    }

    @Test
    void withoutSpreadOrWithTooFewForksNothingIsJudged() {
        assertThat(OutlierForks.of(forks(1.0, 1.0, 1.0, 1.0, 1.5))).isEmpty();
        assertThat(OutlierForks.of(forks(1.0, 9.0))).isEmpty();
    }
}
