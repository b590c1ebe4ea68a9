package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jmpibench.results.Root;
import org.junit.jupiter.api.Test;

class RootsTest {

    @Test
    void aRotatingRootGoesRoundTheJobOneStepPerOperationAsImbDoes() {
        Roots roots = new Roots(Root.ROTATING, 3);
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seen.add(roots.next());
        }

        assertThat(seen).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(roots.mayBe(0)).isTrue();
        assertThat(roots.mayBe(2)).isTrue();
    }

    @Test
    void aFixedRootStaysAndOnlyItHoldsARootsBuffers() {
        Roots roots = new Roots(2, 4);

        assertThat(List.of(roots.next(), roots.next(), roots.next())).containsOnly(2);
        assertThat(roots.mayBe(2)).isTrue();
        assertThat(roots.mayBe(0)).isFalse();
    }

    @Test
    void aRootOutsideTheJobIsRefused() {
        assertThatThrownBy(() -> new Roots(4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root 4 is not a rank of a job of 4 ranks");
        assertThatThrownBy(() -> new Roots(-2, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
