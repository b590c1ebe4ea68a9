package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void survivesTheWire() {
        Command sent = new Command(
                Command.Kind.RUN, Operation.GATHER_AVERAGE, 4 << 20, BufferKind.DIRECT, Root.ROTATING, 12345, 77);
        int[] wire = new int[Command.LENGTH];

        sent.writeTo(wire);

        assertThat(Command.readFrom(wire)).isEqualTo(sent);
    }

    @Test
    void aSizeLessOperationTravelsAtSizeZero() {
        Command sent = new Command(Command.Kind.SETUP, Operation.BARRIER, Operation.NO_SIZE, BufferKind.ARRAY, 0, 0, 1);
        int[] wire = new int[Command.LENGTH];

        sent.writeTo(wire);

        assertThat(Command.readFrom(wire)).isEqualTo(sent);
    }

    @Test
    void refusesGarbage() {
        int[] wire = {99, 0, 1, 0, 0, 0, 1};
        int[] sizeZeroSend = {0, Operation.SEND.ordinal(), 0, 0, 0, 0, 1};

        assertThatThrownBy(() -> Command.readFrom(wire))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt command");
        assertThatThrownBy(() -> Command.readFrom(sizeZeroSend))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt command")
                .hasMessageContaining("size");
    }

    @Test
    void refusesImpossibleValues() {
        assertThatThrownBy(() -> new Command(Command.Kind.RUN, Operation.SEND, 0, BufferKind.ARRAY, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> new Command(Command.Kind.RUN, Operation.SEND, 1, BufferKind.ARRAY, 0, -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
        assertThatThrownBy(() -> new Command(Command.Kind.RUN, Operation.BCAST, 1, BufferKind.ARRAY, -2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root");
    }
}
