package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @Test
    void parsesPlainNumbersAndBinarySuffixes() {
        assertThat(Sizes.parseList("1,1Ki,64Ki,1Mi,4Mi")).containsExactly(1, 1024, 65536, 1 << 20, 4 << 20);
        assertThat(Sizes.parse(" 1000 ")).isEqualTo(1000);
        assertThat(Sizes.parse("2ki")).isEqualTo(2048);
    }

    @Test
    void dropsRepeatsAndKeepsOrder() {
        assertThat(Sizes.parseList("1Ki,1,1024")).containsExactly(1024, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5Ki", "1K", "1M", "Ki", "", "0Ki", "999999999999999Mi"})
    void refusesWhatIsNotAPositiveElementCount(String bad) {
        assertThatThrownBy(() -> Sizes.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    @Test
    void refusesSizesBeyondTheLimit() {
        assertThatThrownBy(() -> Sizes.parse("512Mi")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
        assertThat(Sizes.parse("256Mi")).isEqualTo(Sizes.MAX_ELEMENTS);
    }

    @Test
    void formatsTheShortestExactForm() {
        assertThat(Sizes.format(1)).isEqualTo("1");
        assertThat(Sizes.format(1000)).isEqualTo("1000");
        assertThat(Sizes.format(1024)).isEqualTo("1Ki");
        assertThat(Sizes.format(1536)).isEqualTo("1536");
        assertThat(Sizes.format(4 << 20)).isEqualTo("4Mi");
        assertThat(Sizes.parse(Sizes.format(64 << 10))).isEqualTo(64 << 10);
    }

    @Test
    void refusesEmptyListEntries() {
        assertThatThrownBy(() -> Sizes.parseList("1,,2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
