package org.jmpibench.spi.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectBuffersTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 4096, 65536, 4 << 20})
    void exactSizeNativeOrderAndPageAligned(int bytes) {
        ByteBuffer buffer = DirectBuffers.allocate(bytes);

        assertThat(buffer.isDirect()).isTrue();
        assertThat(buffer.capacity()).isEqualTo(bytes);
        assertThat(buffer.remaining()).isEqualTo(bytes);
        assertThat(buffer.order()).isEqualTo(ByteOrder.nativeOrder());
        assertThat(buffer.alignmentOffset(0, DirectBuffers.ALIGNMENT)).isZero();
        assertThat(buffer.asIntBuffer().order()).as("views keep native order").isEqualTo(ByteOrder.nativeOrder());
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Integer.MAX_VALUE})
    void refusesImpossibleSizes(long bytes) {
        assertThatThrownBy(() -> DirectBuffers.allocate(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(bytes));
    }
}
