package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.jmpibench.results.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * A clock that costs {@value #READ_NS} ns per read, as {@code System.nanoTime} does here, so that the test sees the
     * plant's own cost: it must not add to the planted fraction.
     */
    private static final class CostlyClock {
        static final long READ_NS = 40;
        long now = 1_000_000;

        long read() {
            now += READ_NS;
            return now;
        }
    }

    /** The time {@code ops} operations of {@code opNs} each take, planted with {@code fraction} (0: none). */
    private static long timeOf(int ops, long opNs, double fraction) {
        CostlyClock clock = new CostlyClock();
        PlantedSlowdown plant = fraction > 0 ? new PlantedSlowdown(fraction, clock::read) : null;
        long start = clock.now;
        for (int i = 0; i < ops; i++) {
            if (plant != null) {
                plant.beforeOperation();
            }
            clock.now += opNs;
            if (plant != null) {
                plant.afterOperation();
            }
        }
        return clock.now - start;
    }

    @ParameterizedTest(name = "{0} ns operations, fraction {1}")
    @CsvSource({"100, 0.10", "100, 0.25", "2000, 0.10", "65000, 0.25", "3000000, 0.10"})
    void slowsOperationsOfAnySizeByTheFractionNotMore(long opNs, double fraction) {
        int ops = (int) Math.max(200, 200_000_000 / opNs);
        double ratio = (double) timeOf(ops, opNs, fraction) / timeOf(ops, opNs, 0);
        // The old plant timed each operation: at 100 ns with 40 ns clock reads it gave 1.10 -> 1.5.
        assertThat(ratio).isCloseTo(1 + fraction, within(0.005));
    }

    @Test
    void timeBeforeARestartedPeriodIsNotStretched() {
        CostlyClock clock = new CostlyClock();
        PlantedSlowdown plant = new PlantedSlowdown(1.0, clock::read);
        plant.beforeOperation();
        clock.now += 30_000; // one period: the next one is one operation too
        plant.afterOperation();
        plant.restart();
        clock.now += 5_000_000; // an iteration's untimed tear-down and set-up
        long start = clock.now;
        plant.beforeOperation();
        clock.now += 10_000;
        plant.afterOperation();
        // Doubled is 20 us, plus three clock reads; the 5 ms before the restart would have made it 5 ms more.
        assertThat(clock.now - start).isBetween(20_000L, 20_000L + 4 * CostlyClock.READ_NS);
    }
}
