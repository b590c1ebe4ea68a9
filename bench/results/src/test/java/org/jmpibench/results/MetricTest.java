package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void timeUnitsConvertEveryFigure() {
        Metric ns = new Metric(ScoreUnit.parse("ns/op"), 1500, 100, 1400, 1600, new double[][] {{1400, 1600}});

        Metric us = ns.asTimePerOp(ScoreUnit.MICROS_PER_OP);

        assertThat(us.score()).isCloseTo(1.5, offset(1e-12));
        assertThat(us.scoreError()).isCloseTo(0.1, offset(1e-12));
        assertThat(us.confidenceLow()).isCloseTo(1.4, offset(1e-12));
        assertThat(us.iterationScores()).containsExactly(new double[] {1.4, 1.6}, offset(1e-12));
    }

    @Test
    void throughputIsInvertedAndItsIntervalSwapsEnds() {
        Metric perUs = new Metric(ScoreUnit.parse("ops/us"), 0.5, 0.1, 0.4, 0.6, new double[][] {{0.5, 0.25}});

        Metric us = perUs.asTimePerOp(ScoreUnit.MICROS_PER_OP);

        assertThat(us.score()).isCloseTo(2.0, offset(1e-12));
        assertThat(us.confidenceLow()).isCloseTo(1 / 0.6, offset(1e-12));
        assertThat(us.confidenceHigh()).isCloseTo(1 / 0.4, offset(1e-12));
        assertThat(us.scoreError()).isCloseTo((1 / 0.4 - 1 / 0.6) / 2, offset(1e-12));
        assertThat(us.iterationScores()).containsExactly(new double[] {2.0, 4.0}, offset(1e-12));
        assertThat(new Metric(ScoreUnit.parse("ops/s"), 1e6, Double.NaN, 0, 2e6, new double[0][])
                        .asTimePerOp(ScoreUnit.MICROS_PER_OP)
                        .confidenceHigh())
                .as("1/0 has no time")
                .isNaN();
    }

    @Test
    void otherUnitsHaveNoTimePerOperation() {
        Metric bytes = new Metric(ScoreUnit.parse("B/op"), 8, 0, 8, 8, new double[0][]);
        assertThatThrownBy(() -> bytes.asTimePerOp(ScoreUnit.MICROS_PER_OP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported score unit 'B/op'");
    }
}
