package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Hosts.Host;
import org.junit.jupiter.api.Test;

/** Only names that need no look-up over the network: localhost, our own name, address literals. */
class LocalHostTest {

    @Test
    void localhostOurNameAndOurAddressesAreThisHost() {
        assertThat(LocalHost.is("localhost")).isTrue();
        assertThat(LocalHost.is(LocalHost.name())).isTrue();
        assertThat(LocalHost.is("127.0.0.1")).isTrue();
        assertThat(LocalHost.is("192.0.2.77"))
                .as("a documentation address, on no interface here")
                .isFalse();
    }

    @Test
    void singleHostBackendsRefuseSeveralHostsOrAnother() {
        LocalHost.requireOnlyThisHost("shm", null);
        LocalHost.requireOnlyThisHost("shm", Hosts.of(List.of(new Host("localhost", 2))));
        assertThatThrownBy(() -> LocalHost.requireOnlyThisHost(
                        "shm", Hosts.of(List.of(new Host("localhost", 1), new Host("192.0.2.77", 1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backend shm runs on one host only; the hostfile names 2 (localhost, 192.0.2.77): "
                        + "across hosts use tcp, openmpi or mpj-niodev");
        assertThatThrownBy(() -> LocalHost.requireOnlyThisHost("shm", Hosts.of(List.of(new Host("192.0.2.77", 2)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs on this host only")
                .hasMessageEndingWith("names 192.0.2.77");
    }
}
