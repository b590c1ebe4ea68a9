package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreUnitTest {

    @ParameterizedTest
    @CsvSource({
        "ns/op, us/op, 0.001",
        "us/op, ns/op, 1000",
        "ms/op, us/op, 1000",
        "s/op, ms/op, 1000",
        "min/op, s/op, 60",
        "\u00b5s/op, us/op, 1",
        "ops/s, ops/ms, 0.001",
        "ops/us, ops/s, 1000000",
        "ops/ms, ops/us, 0.001",
        "ops/min, ops/s, 0.016666666666666666",
        "B/op, B/op, 1"
    })
    void convertsWithinAKind(String from, String to, double factor) {
        assertThat(ScoreUnit.parse(from).factorTo(ScoreUnit.parse(to))).isCloseTo(factor, within(factor * 1e-12));
    }

    @Test
    void directionComesFromTheUnit() {
        assertThat(ScoreUnit.parse("us/op").kind()).isEqualTo(ScoreUnit.Kind.TIME_PER_OP);
        assertThat(ScoreUnit.parse("us/op").lowerIsBetter()).isTrue();
        assertThat(ScoreUnit.parse("ops/s").kind()).isEqualTo(ScoreUnit.Kind.OPS_PER_TIME);
        assertThat(ScoreUnit.parse("ops/s").lowerIsBetter()).isFalse();
        assertThat(ScoreUnit.parse("ops/s").hasDirection()).isTrue();
        assertThat(ScoreUnit.parse("MB/sec").kind()).isEqualTo(ScoreUnit.Kind.OTHER);
        assertThat(ScoreUnit.parse("#").hasDirection()).isFalse();
    }

    @Test
    void differentKindsDoNotConvert() {
        assertThat(ScoreUnit.parse("us/op").convertibleTo(ScoreUnit.parse("ops/us")))
                .isFalse();
        assertThat(ScoreUnit.parse("B/op").convertibleTo(ScoreUnit.parse("MB/sec")))
                .isFalse();
        assertThat(ScoreUnit.parse("B/op").convertibleTo(ScoreUnit.parse("us/op")))
                .isFalse();
        assertThatThrownBy(() -> ScoreUnit.parse("us/op").factorTo(ScoreUnit.parse("ops/us")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us/op")
                .hasMessageContaining("ops/us");
    }

    @Test
    void blankLabelIsMisuse() {
        assertThatThrownBy(() -> ScoreUnit.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
