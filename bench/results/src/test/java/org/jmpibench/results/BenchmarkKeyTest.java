package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkKeyTest {

    @Test
    void paramsAreMatchedRegardlessOfOrder() {
        BenchmarkKey a = BenchmarkKey.of("a.B.c", "avgt", Map.of("np", "2", "backend", "shm"));
        BenchmarkKey b = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "np", "2"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.paramsText()).isEqualTo("backend=shm np=2");
    }

    @Test
    void defaultIdleMatchesAResultFromBeforeIdleExisted() {
        BenchmarkKey before = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "np", "2"));
        BenchmarkKey now = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "idle", "default", "np", "2"));
        BenchmarkKey spin = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "idle", "spin", "np", "2"));
        assertThat(now).isEqualTo(before);
        assertThat(spin).isNotEqualTo(before);
        assertThat(spin.paramsText()).isEqualTo("backend=shm idle=spin np=2");
    }

    @Test
    void jdk17MatchesAResultFromBeforeTheChoiceOfJdkAndAnyOtherReleaseIsAnotherBenchmark() {
        BenchmarkKey before = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "np", "2"));
        BenchmarkKey on17 = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "jdk", "17", "np", "2"));
        BenchmarkKey on25 = BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "jdk", "25", "np", "2"));
        assertThat(on17).isEqualTo(before);
        assertThat(on25).isNotEqualTo(before);
        assertThat(on25.paramsText()).isEqualTo("backend=shm jdk=25 np=2");
        assertThat(Param.JDK.neutralValue()).contains(JdkRelease.of(17));
        assertThat(Param.JDK.problemWith("25")).isEmpty();
        assertThat(Param.JDK.problemWith("temurin-25")).get().asString().contains("'temurin-25'");
        assertThat(JdkRelease.label("25")).isEqualTo("JDK 25");
    }

    @Test
    void numericParamsSortByValue() {
        List<BenchmarkKey> keys = new ArrayList<>(List.of(
                BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "size", "1024")),
                BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "shm", "size", "2")),
                BenchmarkKey.of("a.B.c", "avgt", Map.of("backend", "loopback", "size", "65536"))));
        keys.sort(null);
        assertThat(keys)
                .extracting(BenchmarkKey::paramsText)
                .containsExactly("backend=loopback size=65536", "backend=shm size=2", "backend=shm size=1024");
    }

    @Test
    void blankNameOrModeIsMisuse() {
        assertThatThrownBy(() -> BenchmarkKey.of(" ", "avgt", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("benchmark name");
        assertThatThrownBy(() -> BenchmarkKey.of("a.B.c", "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mode");
    }
}
