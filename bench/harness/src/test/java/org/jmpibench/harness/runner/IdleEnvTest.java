package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleEnvTest {

    @Test
    void shmMapsEachStrategyToItsIdleMode() {
        assertThat(IdleEnv.of("shm", Idle.SPIN)).isEqualTo(Map.of("JMPI_SHM_IDLE", "spin"));
        assertThat(IdleEnv.of("shm", Idle.YIELD)).isEqualTo(Map.of("JMPI_SHM_IDLE", "yield"));
        assertThat(IdleEnv.of("shm", Idle.BLOCK)).isEqualTo(Map.of("JMPI_SHM_IDLE", "park"));
    }

    @Test
    void loopbackBlocksBySkippingTheYieldPhase() {
        assertThat(IdleEnv.of("loopback", Idle.SPIN)).isEqualTo(Map.of("JMPI_LOOPBACK_IDLE", "spin"));
        assertThat(IdleEnv.of("loopback", Idle.YIELD)).isEqualTo(Map.of("JMPI_LOOPBACK_IDLE", "spin-block"));
        assertThat(IdleEnv.of("loopback", Idle.BLOCK))
                .isEqualTo(Map.of("JMPI_LOOPBACK_IDLE", "spin-block", "JMPI_LOOPBACK_YIELD_COUNT", "0"));
    }

    @Test
    void tcpIsLoopbacksCodeWithTheSameKnobs() {
        for (Idle idle : Idle.values()) {
            assertThat(IdleEnv.supports("tcp", idle)).as(idle.cliName()).isTrue();
            assertThat(IdleEnv.of("tcp", idle)).as(idle.cliName()).isEqualTo(IdleEnv.of("loopback", idle));
        }
    }

    @Test
    void defaultSetsNothingAnywhere() {
        for (String backend : new String[] {"shm", "loopback", "tcp", "openmpi", "mpj-niodev", "mpj-smpdev"}) {
            assertThat(IdleEnv.of(backend, Idle.DEFAULT)).as(backend).isEmpty();
            assertThat(IdleEnv.supports(backend, Idle.DEFAULT)).as(backend).isTrue();
        }
    }

    @Test
    void backendsWithoutAKnobSupportOnlyTheDefault() {
        for (String backend : new String[] {"openmpi", "mpj-niodev", "mpj-smpdev"}) {
            for (Idle idle : new Idle[] {Idle.SPIN, Idle.YIELD, Idle.BLOCK}) {
                assertThat(IdleEnv.supports(backend, idle)).as(backend + " " + idle).isFalse();
                assertThatThrownBy(() -> IdleEnv.of(backend, idle)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(backend).hasMessageContaining(idle.cliName());
            }
        }
        assertThat(IdleEnv.supports("shm", Idle.BLOCK)).isTrue();
        assertThat(IdleEnv.supports("loopback", Idle.SPIN)).isTrue();
    }

    @Test
    void namesAndLabels() {
        assertThat(Idle.byName(" yield ")).isEqualTo(Idle.YIELD);
        assertThatThrownBy(() -> Idle.byName("park")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'park'");
        assertThat(Idle.DEFAULT.label("shm")).isEqualTo("shm");
        assertThat(Idle.SPIN.label("shm")).isEqualTo("shm/spin");
    }
}
