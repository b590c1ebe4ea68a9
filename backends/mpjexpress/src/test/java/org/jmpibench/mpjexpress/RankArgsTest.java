package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.Test;

class RankArgsTest {

    private static final RankProgram FOLLOWER = RankProgram.of(List.of(Path.of("a.jar")), "F", "x", "--leader", "");
    private static final RankProgram LEADER = RankProgram.of(List.of(Path.of("a.jar")), "L", "--main", "y");

    @Test
    void everyRankButZeroRunsTheProgramAndRankZeroTheLeader() {
        RankArgs decoded = RankArgs.decode(RankArgs.encode(FOLLOWER, LEADER).toArray(String[]::new));
        assertThat(decoded.classFor(0)).isEqualTo("L");
        assertThat(decoded.argsFor(0)).containsExactly("--main", "y");
        assertThat(decoded.classFor(3)).isEqualTo("F");
        assertThat(decoded.argsFor(3)).containsExactly("x", "--leader", "");
    }

    @Test
    void withoutALeaderRankZeroRunsTheProgram() {
        RankArgs decoded = RankArgs.decode(RankArgs.encode(FOLLOWER, null).toArray(String[]::new));
        assertThat(decoded.classFor(0)).isEqualTo("F");
        assertThat(decoded.argsFor(0)).containsExactly("x", "--leader", "");
    }

    @Test
    void aCountThatDoesNotMatchIsRejectedNamingIt() {
        assertThatThrownBy(() -> RankArgs.decode(new String[] {"--main", "F", "5", "x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
    }
}
