package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jmpibench.results.Operation;
import org.junit.jupiter.api.Test;

class PlantedSlowdownTest {

    @Test
    void appliesOnlyToTheNamedBackendAndOperation() {
        assertThat(PlantedSlowdown.fraction("loopback:send:0.25", "loopback", Operation.SEND))
                .isEqualTo(0.25);
        assertThat(PlantedSlowdown.fraction("loopback:send:0.25", "shm", Operation.SEND))
                .isZero();
        assertThat(PlantedSlowdown.fraction("loopback:send:0.25", "loopback", Operation.BCAST))
                .isZero();
        assertThat(PlantedSlowdown.fraction("*:*:0.3", "openmpi", Operation.BCAST))
                .isEqualTo(0.3);
        assertThat(PlantedSlowdown.fraction(null, "loopback", Operation.SEND)).isZero();
        assertThat(PlantedSlowdown.fraction(" ", "loopback", Operation.SEND)).isZero();
    }

    @Test
    void refusesValuesThatAreNotBackendOpFraction() {
        assertThatThrownBy(() -> PlantedSlowdown.fraction("loopback:0.25", "loopback", Operation.SEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BACKEND:OP:FRACTION");
        assertThatThrownBy(() -> PlantedSlowdown.fraction("loopback:send:x", "loopback", Operation.SEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a fraction");
        assertThatThrownBy(() -> PlantedSlowdown.fraction("loopback:send:-1", "loopback", Operation.SEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 10]");
    }

    @Test
    void stretchWaitsTheGivenFractionOfTheElapsedTimeAgain() {
        long start = System.nanoTime() - 2_000_000;
        long before = System.nanoTime();
        PlantedSlowdown.stretch(start, 0.5);
        assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(1_000_000);
    }
}
