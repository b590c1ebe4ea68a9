package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnexpectedMessagesTest {

    private final UnexpectedMessages queue = new UnexpectedMessages(3);

    private UnexpectedMessages.Stashed stash(int source, int kind, int tag, int value) {
        UnexpectedMessages.Stashed s = queue.obtain();
        s.fill(kind, tag, new MessageBuffer().ints(new int[] {value}, 0, 1));
        queue.add(source, s);
        return s;
    }

    private static int valueOf(UnexpectedMessages.Stashed s) {
        int[] out = new int[1];
        s.copyTo(new MessageBuffer().ints(out, 0, 1));
        return out[0];
    }

    @Test
    void takesTheOldestMessageOfTheSameSourceKindAndTag() {
        stash(1, WireDescriptor.KIND_USER, 7, 1);
        stash(1, WireDescriptor.KIND_USER, 8, 3);
        stash(1, WireDescriptor.KIND_USER, 7, 2);

        assertThat(valueOf(queue.take(1, WireDescriptor.KIND_USER, 8))).isEqualTo(3);
        assertThat(valueOf(queue.take(1, WireDescriptor.KIND_USER, 7))).isEqualTo(1);
        assertThat(valueOf(queue.take(1, WireDescriptor.KIND_USER, 7))).isEqualTo(2);
        assertThat(queue.take(1, WireDescriptor.KIND_USER, 7)).isNull();
    }

    @Test
    void keepsSourcesAndKindsApart() {
        stash(2, WireDescriptor.KIND_BCAST, 0, 4);
        assertThat(queue.take(1, WireDescriptor.KIND_BCAST, 0)).isNull();
        assertThat(queue.take(2, WireDescriptor.KIND_USER, 0))
                .as("a user tag 0 never matches a bcast frame")
                .isNull();
        assertThat(queue.take(2, WireDescriptor.KIND_BCAST, 0)).isNotNull();
        assertThat(queue.count(2)).isZero();
    }

    @Test
    void recycledEntriesAreReusedWithoutNewBuffers() {
        UnexpectedMessages.Stashed first = stash(0, WireDescriptor.KIND_USER, 1, 5);
        queue.recycle(queue.take(0, WireDescriptor.KIND_USER, 1));
        UnexpectedMessages.Stashed again = stash(0, WireDescriptor.KIND_USER, 2, 6);
        assertThat(again).isSameAs(first);
        assertThat(valueOf(queue.take(0, WireDescriptor.KIND_USER, 2))).isEqualTo(6);
    }
}
