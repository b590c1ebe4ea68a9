package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jmpibench.spi.Idle;
import org.junit.jupiter.api.Test;

class LoopbackConfigTest {

    @Test
    void eachIdleStrategyBecomesTheKnobsThatMeanIt() {
        assertThat(LoopbackConfig.idleEnv(Idle.DEFAULT)).isEmpty();
        LoopbackConfig spin = LoopbackConfig.fromEnv(LoopbackConfig.idleEnv(Idle.SPIN));
        assertThat(spin.idleMode()).isEqualTo(IdleMode.SPIN);
        LoopbackConfig yield = LoopbackConfig.fromEnv(LoopbackConfig.idleEnv(Idle.YIELD));
        assertThat(yield.idleMode()).isEqualTo(IdleMode.SPIN_BLOCK);
        assertThat(yield.yieldTurns()).isEqualTo(LoopbackConfig.DEFAULT_YIELD_TURNS);
        LoopbackConfig block = LoopbackConfig.fromEnv(LoopbackConfig.idleEnv(Idle.BLOCK));
        assertThat(block.idleMode()).isEqualTo(IdleMode.SPIN_BLOCK);
        assertThat(block.yieldTurns()).isZero();
        assertThat(new LoopbackBackend().idleStrategies()).containsExactlyInAnyOrder(Idle.values());
        assertThat(new TcpBackend().idleStrategies())
                .as("loopback's code on a network interface")
                .containsExactlyInAnyOrder(Idle.values());
    }

    @Test
    void defaultsAreSpinThenBlockWithNoInjectedDelay() {
        LoopbackConfig config = LoopbackConfig.fromEnv(Map.of());
        assertThat(config.idleMode()).isEqualTo(IdleMode.SPIN_BLOCK);
        assertThat(config.spinTurns()).isEqualTo(LoopbackConfig.DEFAULT_SPIN_TURNS);
        assertThat(config.injectDelayNs()).isZero();
        assertThat(config.maxMessageBytes()).isEqualTo(1L << 30);
    }

    @Test
    void readsEveryKnob() {
        LoopbackConfig config = LoopbackConfig.fromEnv(Map.of(
                LoopbackConfig.IDLE_ENV,
                "spin",
                LoopbackConfig.SPIN_COUNT_ENV,
                "5",
                LoopbackConfig.MAX_MESSAGE_BYTES_ENV,
                "1048576",
                LoopbackConfig.HANDSHAKE_TIMEOUT_MS_ENV,
                "700",
                LoopbackConfig.RENDEZVOUS_TIMEOUT_MS_ENV,
                "9000",
                LoopbackConfig.SOCKET_BUFFER_BYTES_ENV,
                "0",
                LoopbackConfig.INJECT_DELAY_NS_ENV,
                "2500"));
        assertThat(config)
                .isEqualTo(new LoopbackConfig(
                        IdleMode.SPIN, 5, LoopbackConfig.DEFAULT_YIELD_TURNS, 1 << 20, 700, 9000, 0, 2500, false));
        assertThat(config.describe()).contains("JMPI_LOOPBACK_IDLE=spin").contains("(TEST ONLY)");
    }

    @Test
    void aBadValueNamesTheVariableAndTheValue() {
        assertThatThrownBy(() -> LoopbackConfig.fromEnv(Map.of(LoopbackConfig.IDLE_ENV, "yield")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JMPI_LOOPBACK_IDLE")
                .hasMessageContaining("'yield'");
        assertThatThrownBy(() -> LoopbackConfig.fromEnv(Map.of(LoopbackConfig.SPIN_COUNT_ENV, "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JMPI_LOOPBACK_SPIN_COUNT")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> LoopbackConfig.fromEnv(Map.of(LoopbackConfig.MAX_MESSAGE_BYTES_ENV, "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> LoopbackConfig.fromEnv(Map.of(LoopbackConfig.INJECT_DELAY_NS_ENV, "-3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JMPI_LOOPBACK_INJECT_DELAY_NS");
    }

    @Test
    void theRendezvousMustBeALoopbackAddress() {
        assertThat(LoopbackConfig.rendezvousAddress(Map.of(LoopbackConfig.RENDEZVOUS_ENV, "127.0.0.1:4000"), true)
                        .getPort())
                .isEqualTo(4000);
        assertThatThrownBy(() ->
                        LoopbackConfig.rendezvousAddress(Map.of(LoopbackConfig.RENDEZVOUS_ENV, "8.8.8.8:4000"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() ->
                        LoopbackConfig.rendezvousAddress(Map.of(LoopbackConfig.RENDEZVOUS_ENV, "127.0.0.1:x"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1:x");
        assertThat(LoopbackConfig.rendezvousAddress(Map.of(LoopbackConfig.RENDEZVOUS_ENV, "10.77.0.1:4000"), false)
                        .getAddress()
                        .getHostAddress())
                .as("tcp: any address")
                .isEqualTo("10.77.0.1");
        assertThatThrownBy(() -> LoopbackConfig.rendezvousAddress(Map.of(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LoopbackConfig.RENDEZVOUS_ENV);
    }
}
