package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.jmpibench.spi.Hosts;
import org.junit.jupiter.api.Test;

/** Only the loopback interface is used here: its name, its subnet, routes to it. Nothing is sent. */
class BindAddressTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void anInterfaceIsFoundByNameOrSubnetInListOrder() {
        assertThat(BindAddress.ofInterfaces("lo")).isEqualTo(LOOPBACK);
        assertThat(BindAddress.ofInterfaces("127.0.0.0/8")).isEqualTo(LOOPBACK);
        assertThat(BindAddress.ofInterfaces("nosuch0, lo")).isEqualTo(LOOPBACK);
    }

    @Test
    void anInterfaceThatMatchesNothingIsOneLineListingWhatThereIs() {
        assertThatThrownBy(() -> BindAddress.ofInterfaces("nosuch0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$JMPI_INTERFACE 'nosuch0' matches no interface")
                .hasMessageContaining("lo");
        assertThatThrownBy(() -> BindAddress.ofInterfaces("eth0/xx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither an interface name nor a subnet");
    }

    @Test
    void withoutAnInterfaceTheRouteDecides() {
        assertThat(BindAddress.towards(LOOPBACK)).isEqualTo(LOOPBACK);
        assertThat(BindAddress.forRank(Map.of(), LOOPBACK)).isEqualTo(LOOPBACK);
        assertThat(BindAddress.forRank(Map.of(BindAddress.INTERFACE_ENV, "lo"), LOOPBACK))
                .isEqualTo(LOOPBACK);
    }

    @Test
    void aLauncherWhoseRanksAreAllHereListensOnLoopback() {
        assertThat(BindAddress.forLauncher(Map.of(), null)).isEqualTo(LOOPBACK);
        assertThat(BindAddress.forLauncher(Map.of(), Hosts.of(List.of(new Hosts.Host("localhost", 2)))))
                .isEqualTo(LOOPBACK);
    }
}
