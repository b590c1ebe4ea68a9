package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @Test
    void parsesPlainNumbersAndBinarySuffixes() {
        assertThat(Sizes.parseList("1,1Ki,64Ki,1Mi,4Mi")).containsExactly(1, 1024, 65536, 1 << 20, 4 << 20);
        assertThat(Sizes.parse(" 1000 ")).isEqualTo(1000);
        assertThat(Sizes.parse("2ki")).isEqualTo(2048);
    }

    @ParameterizedTest(name = "{0} = {1} elements")
    @CsvSource({
        "1k, 1024", "1K, 1024", "1Ki, 1024", "1KI, 1024", "1m, 1048576", "1M, 1048576", "1Mi, 1048576",
        "4B, 1", "4096B, 1024", "1KB, 256", "1kB, 256", "1KiB, 256", "4KB, 1024", "4KiB, 1024",
        "4MB, 1048576", "4MiB, 1048576", "4 MiB, 1048576", "64 Ki, 65536", "1GiB, 268435456"
    })
    void elementsWithoutAUnitAndBytesWithATrailingB(String text, long elements) {
        assertThat(Sizes.parse(text)).isEqualTo(elements);
    }

    @Test
    void everyMultiplierIsBinaryWithOrWithoutTheI() {
        assertThat(Sizes.parse("1K"))
                .isEqualTo(Sizes.parse("1Ki"))
                .isEqualTo(Sizes.parse("4KB"))
                .isEqualTo(Sizes.parse("4KiB"))
                .isEqualTo(Sizes.parse("4096B"))
                .isEqualTo(1024);
    }

    @Test
    void dropsRepeatsAndKeepsOrder() {
        assertThat(Sizes.parseList("1Ki,1,1024,4KiB")).containsExactly(1024, 1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-1",
                "abc",
                "1.5Ki",
                "Ki",
                "",
                "0Ki",
                "0B",
                "999999999999999Mi",
                "1Ti",
                "1KiBB",
                "1G",
                "1 K i"
            })
    void refusesWhatIsNotAPositiveSize(String bad) {
        assertThatThrownBy(() -> Sizes.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    @Test
    void refusesBitsAndBytesThatAreNotWholeElements() {
        assertThatThrownBy(() -> Sizes.parse("1kb")).hasMessageContaining("bits");
        assertThatThrownBy(() -> Sizes.parse("6B"))
                .hasMessage("size '6B' is 6 bytes, not a whole number of 4-byte " + "int elements");
        assertThatThrownBy(() -> Sizes.parse("2B")).hasMessageContaining("not a whole number");
    }

    @Test
    void refusesSizesBeyondTheLimit() {
        assertThatThrownBy(() -> Sizes.parse("512Mi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large")
                .hasMessageContaining("256Mi elements (1 GiB)");
        assertThat(Sizes.parse("256Mi")).isEqualTo(Sizes.MAX_ELEMENTS);
        assertThat(Sizes.parse("1GiB")).isEqualTo(Sizes.MAX_ELEMENTS);
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
    void formatsBytesWithBinaryPrefixes() {
        assertThat(Sizes.formatBytes(4)).isEqualTo("4 B");
        assertThat(Sizes.formatBytes(1024)).isEqualTo("1 KiB");
        assertThat(Sizes.formatBytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.formatBytes(4L << 20)).isEqualTo("4 MiB");
        assertThat(Sizes.formatBytes(25_276_510_208L)).isEqualTo("23.5 GiB");
        assertThat(Sizes.describe(1024)).isEqualTo("1Ki (4 KiB)");
        assertThat(Sizes.parse(Sizes.formatBytes(Sizes.bytes(1 << 20)))).isEqualTo(1 << 20);
    }

    @Test
    void refusesEmptyListEntries() {
        assertThatThrownBy(() -> Sizes.parseList("1,,2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
