package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The free-space check: required bytes for a geometry, and the one-line message when they do not fit. */
class ShmSpaceTest {

    private static final Path DIR = Path.of("/dev/shm");

    @Test
    void requiredBytesAreTheHeaderPlusOneRingPerOrderedPair() {
        ShmConfig config = new ShmConfig(1 << 20, 64 << 10, ShmIdle.Mode.YIELD, 100, DIR, true);
        // 1 MiB holds 15 slots of 64 KiB + 64 bytes; ring = 128 + 15 * 65600 rounded up to pages.
        assertThat(config.slotCount()).isEqualTo(15);
        long ring = ShmLayoutDescriptor.roundUp(128 + 15L * 65_600, 4096);
        assertThat(ShmSpace.requiredBytes(4, config)).isEqualTo(4096 + 12 * ring);
        assertThat(ShmSpace.requiredBytes(2, config)).isEqualTo(4096 + 2 * ring);
    }

    @Test
    void enoughSpaceGivesNoComplaint() {
        assertThat(ShmSpace.shortage(4, 1000, 1000, DIR)).isEmpty();
        assertThat(ShmSpace.shortage(4, 1000, 5000, DIR)).isEmpty();
    }

    @Test
    void tooLittleSpaceGivesOneLineSayingHowMuchIsNeededAndWhatToChange() {
        String message = ShmSpace.shortage(4, 402_657_280L, 104_857_600L, DIR).orElseThrow();
        assertThat(message)
                .doesNotContain("\n")
                .contains(
                        "4 ranks",
                        "402657280 bytes (384.0 MiB)",
                        "104857600 bytes (100.0 MiB)",
                        "/dev/shm",
                        ShmConfig.RING_BYTES_ENV,
                        "12 rings");
    }

    @Test
    void requireThrowsTheMessageWhenTheDirectoryCannotHoldTheFile() {
        assertThatThrownBy(() -> ShmSpace.require(2, Long.MAX_VALUE, DIR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Long.MAX_VALUE + " bytes")
                .hasMessageNotContaining("\n");
    }
}
