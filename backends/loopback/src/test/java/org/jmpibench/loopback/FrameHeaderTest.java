package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.CommunicatorException;
import org.junit.jupiter.api.Test;

class FrameHeaderTest {

    private final FrameHeader header = new FrameHeader(1000, "rank 3");
    private final ByteBuffer buf = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());

    @Test
    void decodesWhatWasEncoded() {
        FrameHeader.encode(buf, 8, WireDescriptor.KIND_GATHER, 17, 1000);
        header.decode(buf, 8);
        assertThat(header.kind()).isEqualTo(WireDescriptor.KIND_GATHER);
        assertThat(header.tag()).isEqualTo(17);
        assertThat(header.byteLength()).isEqualTo(1000);
    }

    @Test
    void refusesALengthAboveTheLimit() {
        FrameHeader.encode(buf, 0, WireDescriptor.KIND_USER, 1, 1001);
        assertThatThrownBy(() -> header.decode(buf, 0))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("rank 3")
                .hasMessageContaining("1001 bytes")
                .hasMessageContaining(LoopbackConfig.MAX_MESSAGE_BYTES_ENV);
    }

    @Test
    void refusesANegativeLength() {
        FrameHeader.encode(buf, 0, WireDescriptor.KIND_USER, 1, -5);
        assertThatThrownBy(() -> header.decode(buf, 0))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("-5 bytes");
    }

    @Test
    void refusesBadMagicUnknownKindAndNegativeTag() {
        buf.putInt(0, 0x12345678);
        assertThatThrownBy(() -> header.decode(buf, 0))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("magic");
        FrameHeader.encode(buf, 0, 99, 1, 4);
        assertThatThrownBy(() -> header.decode(buf, 0))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("kind 99");
        FrameHeader.encode(buf, 0, WireDescriptor.KIND_USER, -1, 4);
        assertThatThrownBy(() -> header.decode(buf, 0))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("negative tag");
    }

    @Test
    void aFailedDecodeLeavesThePreviousHeaderAlone() {
        FrameHeader.encode(buf, 0, WireDescriptor.KIND_USER, 5, 8);
        header.decode(buf, 0);
        FrameHeader.encode(buf, 0, WireDescriptor.KIND_USER, 6, Integer.MAX_VALUE);
        assertThatThrownBy(() -> header.decode(buf, 0)).isInstanceOf(CommunicatorException.class);
        assertThat(header.byteLength()).isEqualTo(8);
    }

    @Test
    void paddingRoundsUpToTheAlignment() {
        assertThat(WireDescriptor.paddedLength(0)).isZero();
        assertThat(WireDescriptor.paddedLength(1)).isEqualTo(8);
        assertThat(WireDescriptor.paddedLength(8)).isEqualTo(8);
        assertThat(WireDescriptor.paddedLength(Integer.MAX_VALUE)).isEqualTo(1L << 31);
    }
}
