package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessOverheadTest {

    @Test
    void medianIgnoresTheIterationABurstLandedIn() {
        assertThat(HarnessOverhead.median(List.of(1.01, 0.99, 45.0))).isEqualTo(1.01);
        assertThat(HarnessOverhead.median(List.of(1.0, 2.0, 3.0, 100.0))).isEqualTo(2.5);
        assertThat(HarnessOverhead.median(List.of())).isNaN();
    }

    @Test
    void pairsEachIterationWithTheHandTimedLoopRightAfterIt() {
        assertThat(HarnessOverhead.ratio(new double[] {2, 4, 9}, new double[] {2, 2, 3}))
                .isEqualTo(2.0);
        assertThat(HarnessOverhead.ratio(new double[] {2, 4}, new double[] {0, -1}))
                .isNaN();
    }
}
