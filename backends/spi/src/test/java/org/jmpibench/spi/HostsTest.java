package org.jmpibench.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jmpibench.spi.Hosts.Host;
import org.junit.jupiter.api.Test;

class HostsTest {

    private static final Hosts AB = Hosts.of(List.of(new Host("a", 2), new Host("b", 2)));

    @Test
    void bySlotFillsEachHostInTurn() {
        assertThat(AB.placement(3)).containsExactly("a", "a", "b");
        assertThat(AB.describePlacement(3)).isEqualTo("a: ranks 0 1; b: rank 2 (map-by slot)");
    }

    @Test
    void byNodeDealsRanksRoundRobinSkippingFullHosts() {
        Hosts uneven = Hosts.of(List.of(new Host("a", 1), new Host("b", 3))).withMapBy(Hosts.BY_NODE);
        assertThat(AB.withMapBy(Hosts.BY_NODE).placement(4)).containsExactly("a", "b", "a", "b");
        assertThat(uneven.placement(4)).containsExactly("a", "b", "b", "b");
    }

    @Test
    void aHostListedTwiceAddsItsSlots() {
        Hosts hosts = Hosts.of(List.of(new Host("a", 1), new Host("b", 1), new Host("a", 1)));
        assertThat(hosts.hosts()).containsExactly(new Host("a", 2), new Host("b", 1));
        assertThat(hosts.totalSlots()).isEqualTo(3);
        assertThat(hosts.spansHosts()).isTrue();
        assertThat(Hosts.of(List.of(new Host("a", 4))).spansHosts()).isFalse();
    }

    @Test
    void moreRanksThanSlotsOrAForeignPolicyCannotBePlaced() {
        assertThatThrownBy(() -> AB.placement(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("np 5")
                .hasMessageContaining("4 slots")
                .hasMessageContaining("a slots=2");
        Hosts ppr = AB.withMapBy("ppr:1:node");
        assertThat(ppr.placementKnown()).isFalse();
        assertThatThrownBy(() -> ppr.placement(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ppr:1:node");
        assertThat(ppr.describePlacement(2))
                .isEqualTo("left to the backend (map-by ppr:1:node) on a slots=2, " + "b slots=2");
    }

    @Test
    void badHostsAreRefused() {
        assertThatThrownBy(() -> new Host("a b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Host("a", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slots");
        assertThatThrownBy(() -> Hosts.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
