package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jmpibench.spi.Idle;
import org.junit.jupiter.api.Test;

/** Knobs: defaults, units, and misuse naming the variable and the bad value. */
class ShmConfigTest {

    @Test
    void eachIdleStrategyBecomesTheIdleModeThatMeansIt() {
        assertThat(ShmConfig.idleEnv(Idle.DEFAULT)).isEmpty();
        assertThat(ShmConfig.from(ShmConfig.idleEnv(Idle.SPIN)::get).idle()).isEqualTo(ShmIdle.Mode.SPIN);
        assertThat(ShmConfig.from(ShmConfig.idleEnv(Idle.YIELD)::get).idle()).isEqualTo(ShmIdle.Mode.YIELD);
        assertThat(ShmConfig.from(ShmConfig.idleEnv(Idle.BLOCK)::get).idle()).isEqualTo(ShmIdle.Mode.PARK);
        assertThat(new ShmBackend().idleStrategies()).containsExactlyInAnyOrder(Idle.values());
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        assertThat(ShmConfig.from(name -> null)).isEqualTo(ShmConfig.defaults());
        assertThat(ShmConfig.defaults().idle()).isEqualTo(ShmIdle.Mode.YIELD);
        assertThat(ShmConfig.defaults().spins()).isEqualTo(100);
        assertThat(ShmConfig.defaults().foreignMemory()).isTrue();
    }

    @Test
    void theForeignMemoryPathCanBeTurnedOff() {
        assertThat(ShmConfig.from(Map.of(ShmConfig.FFM_ENV, "off")::get).foreignMemory())
                .isFalse();
        assertThat(ShmConfig.from(Map.of(ShmConfig.FFM_ENV, "AUTO")::get).foreignMemory())
                .isTrue();
        assertThat(ShmConfig.from(Map.of(ShmConfig.FFM_ENV, "off")::get).describe())
                .contains("JMPI_SHM_FFM=off");
        assertThatThrownBy(() -> ShmConfig.from(Map.of(ShmConfig.FFM_ENV, "yes")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JMPI_SHM_FFM must be auto or off, got yes");
    }

    @Test
    void valuesAreReadWithBinaryUnits() {
        Map<String, String> env = Map.of(
                ShmConfig.RING_BYTES_ENV,
                "32m",
                ShmConfig.CHUNK_BYTES_ENV,
                "256k",
                ShmConfig.IDLE_ENV,
                "Park",
                ShmConfig.SPINS_ENV,
                "5000",
                ShmConfig.DIR_ENV,
                "/tmp");
        ShmConfig config = ShmConfig.from(env::get);
        assertThat(config.ringBytes()).isEqualTo(32L << 20);
        assertThat(config.chunkBytes()).isEqualTo(256 << 10);
        assertThat(config.idle()).isEqualTo(ShmIdle.Mode.PARK);
        assertThat(config.spins()).isEqualTo(5000);
        assertThat(config.slotCount()).isEqualTo(127);
    }

    @Test
    void misuseNamesTheVariableAndTheValue() {
        assertThatThrownBy(() -> ShmConfig.from(Map.of(ShmConfig.IDLE_ENV, "sleepy")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ShmConfig.IDLE_ENV)
                .hasMessageContaining("sleepy");
        assertThatThrownBy(() -> ShmConfig.from(Map.of(ShmConfig.RING_BYTES_ENV, "lots")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> ShmConfig.from(Map.of(ShmConfig.CHUNK_BYTES_ENV, "100")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100");
        assertThatThrownBy(() -> ShmConfig.from(Map.of(ShmConfig.RING_BYTES_ENV, "1k")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer than 4 chunks");
        assertThatThrownBy(() -> ShmConfig.from(Map.of(ShmConfig.RING_BYTES_ENV, "2g")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1 GiB");
    }
}
