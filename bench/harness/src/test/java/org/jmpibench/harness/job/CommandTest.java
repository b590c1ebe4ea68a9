package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTest {

    @Test
    void survivesTheWire() {
        Command sent = new Command(Command.Kind.RUN, Operation.GATHER_AVERAGE, 4 << 20, BufferKind.DIRECT, 12345, 77);
        int[] wire = new int[Command.LENGTH];

        sent.writeTo(wire);

        assertThat(Command.readFrom(wire)).isEqualTo(sent);
    }

    @Test
    void refusesGarbage() {
        int[] wire = {99, 0, 1, 0, 0, 1};

        assertThatThrownBy(() -> Command.readFrom(wire)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt command");
    }

    @Test
    void refusesImpossibleValues() {
        assertThatThrownBy(() -> new Command(Command.Kind.RUN, Operation.SEND, 0, BufferKind.ARRAY, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> new Command(Command.Kind.RUN, Operation.SEND, 1, BufferKind.ARRAY, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    }
}
