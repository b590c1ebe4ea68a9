package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutTest {

    @Test
    void everyRankOnOneHostIsOneHostWhateverTheHostOrNp() {
        assertThat(Layout.of(List.of("a", "a"))).isEqualTo(Layout.ONE_HOST);
        assertThat(Layout.of(List.of("node07", "node07", "node07", "node07"))).isEqualTo(Layout.ONE_HOST);
        assertThat(Layout.hostsLabel(Layout.ONE_HOST)).isEqualTo("1 host");
        assertThat(Layout.acrossHosts(Layout.ONE_HOST)).isFalse();
    }

    @Test
    void severalHostsListEachHostsRanksInTheOrderOfTheirLowestRank() {
        assertThat(Layout.of(List.of("a", "b"))).isEqualTo("2hosts:0/1");
        assertThat(Layout.of(List.of("a", "b", "a", "b"))).isEqualTo("2hosts:0+2/1+3");
        assertThat(Layout.of(List.of("a", "a", "b", "b"))).isEqualTo("2hosts:0-1/2-3");
        assertThat(Layout.of(List.of("a", "b", "c", "d"))).isEqualTo("4hosts:0/1/2/3");
        assertThat(Layout.of(List.of("x", "x", "x", "y", "x", "x"))).isEqualTo("2hosts:0-2+4-5/3");
        assertThat(Layout.hosts("4hosts:0/1/2/3")).isEqualTo(4);
        assertThat(Layout.hostsLabel("2hosts:0+2/1+3")).isEqualTo("2 hosts");
        assertThat(Layout.acrossHosts("2hosts:0/1")).isTrue();
    }

    @Test
    void hostNamesDoNotMatterOnlyWhereTheRanksAre() {
        assertThat(Layout.of(List.of("node01", "node02"))).isEqualTo(Layout.of(List.of("h2", "h1")));
        assertThat(Layout.of(List.of("a", "b", "a", "b"))).isNotEqualTo(Layout.of(List.of("a", "a", "b", "b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2hosts", "2hosts:0", "3hosts:0/1", "1hosts:0", "2hosts:0/x", "2 hosts:0/1", "local"})
    void anythingElseIsNotALayout(String value) {
        assertThat(Param.LAYOUT.problemWith(value))
                .get()
                .asString()
                .contains(value)
                .contains("2hosts:0+2/1+3");
        assertThatThrownBy(() -> Layout.hosts(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOneHostLayoutIsNeutralSoSingleHostRunsMatchOlderResults() {
        BenchmarkKey before = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "tcp", "np", "2"));
        BenchmarkKey oneHost =
                BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "tcp", "np", "2", "layout", Layout.ONE_HOST));
        BenchmarkKey twoHosts =
                BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "tcp", "np", "2", "layout", "2hosts:0/1"));

        assertThat(oneHost).isEqualTo(before);
        assertThat(twoHosts).as("another layout is another benchmark").isNotEqualTo(before);
        assertThat(Param.LAYOUT.problemWith("2hosts:0/1")).isEmpty();
        assertThat(Param.LAYOUT.problemWith(Layout.ONE_HOST)).isEmpty();
    }
}
