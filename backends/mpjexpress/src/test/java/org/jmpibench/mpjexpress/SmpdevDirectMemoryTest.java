package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmpdevDirectMemoryTest {

    @Test
    void theCapIsNpTimesTheHeapTheOptionsGive() {
        assertThat(SmpdevDirectMemory.option(List.of("-Xmx768m", "-XX:+UseSerialGC"), 4))
                .contains("-XX:MaxDirectMemorySize=" + 4L * 768 * 1024 * 1024);
        assertThat(SmpdevDirectMemory.option(List.of("-Xmx1g", "-XX:MaxHeapSize=2g"), 3))
                .contains("-XX:MaxDirectMemorySize=" + 6L * 1024 * 1024 * 1024);
    }

    @Test
    void optionsThatSetTheCapOrNoHeapSizeAreLeftAlone() {
        assertThat(SmpdevDirectMemory.option(List.of("-Xmx1g", "-XX:MaxDirectMemorySize=64m"), 4))
                .isEmpty();
        assertThat(SmpdevDirectMemory.option(List.of("-XX:+UseSerialGC"), 4)).isEmpty();
        assertThat(SmpdevDirectMemory.option(List.of("-Xmx1g"), 1)).isEmpty();
    }

    @Test
    void sizesAreReadAsTheJvmReadsThem() {
        assertThat(SmpdevDirectMemory.bytes("1048576")).isEqualTo(1 << 20);
        assertThat(SmpdevDirectMemory.bytes("512k")).isEqualTo(512L << 10);
        assertThat(SmpdevDirectMemory.bytes("3G")).isEqualTo(3L << 30);
        assertThat(SmpdevDirectMemory.bytes("lots")).isEqualTo(-1);
        assertThat(SmpdevDirectMemory.bytes("")).isEqualTo(-1);
    }
}
