package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class UnexpectedMessagesTest {

    private final UnexpectedMessages queue = new UnexpectedMessages(3);

    @Test
    void takesTheOldestMessageOfTheSameSourceKindAndTag() {
        ByteBuffer first = ByteBuffer.allocate(1);
        ByteBuffer second = ByteBuffer.allocate(2);
        ByteBuffer other = ByteBuffer.allocate(3);
        queue.add(1, WireDescriptor.KIND_USER, 7, first);
        queue.add(1, WireDescriptor.KIND_USER, 8, other);
        queue.add(1, WireDescriptor.KIND_USER, 7, second);

        assertThat(queue.take(1, WireDescriptor.KIND_USER, 8).payload()).isSameAs(other);
        assertThat(queue.take(1, WireDescriptor.KIND_USER, 7).payload()).isSameAs(first);
        assertThat(queue.take(1, WireDescriptor.KIND_USER, 7).payload()).isSameAs(second);
        assertThat(queue.take(1, WireDescriptor.KIND_USER, 7)).isNull();
    }

    @Test
    void keepsSourcesAndKindsApart() {
        queue.add(2, WireDescriptor.KIND_BCAST, 0, ByteBuffer.allocate(4));
        assertThat(queue.take(1, WireDescriptor.KIND_BCAST, 0)).isNull();
        assertThat(queue.take(2, WireDescriptor.KIND_USER, 0)).as("a user tag 0 never matches a bcast frame")
                .isNull();
        assertThat(queue.take(2, WireDescriptor.KIND_BCAST, 0)).isNotNull();
        assertThat(queue.count(2)).isZero();
    }
}
