package org.jmpibench.regression.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgsTest {

    @Test
    void withoutOptionsEveryForkRunsTheCiMatrixAsOneForkIntoItsOwnDirectory() {
        assertThat(BenchArgs.forFork(List.of(), "/out/forks/b01-1-base"))
                .containsExactly(
                        "--backends",
                        "loopback,shm",
                        "--ops",
                        "send",
                        "--sizes",
                        "1,64Ki",
                        "--np",
                        "2",
                        "-wi",
                        "2",
                        "-w",
                        "200ms",
                        "-i",
                        "5",
                        "-r",
                        "100ms",
                        "-f",
                        "1",
                        "--results-dir",
                        "/out/forks/b01-1-base");
    }

    @Test
    void theUsersOptionsReplaceThoseOfTheSameNameWhateverTheSpelling() {
        List<String> args = BenchArgs.forFork(List.of("--backends=shm", "--iterations", "9", "--idle", "spin"), "d");

        assertThat(String.join(" ", args))
                .isEqualTo("--ops send --sizes 1,64Ki --np 2 -wi 2 -w 200ms -r 100ms "
                        + "--backends shm -i 9 --idle spin -f 1 --results-dir d");
    }

    @Test
    void abOwnsForksAndTheResultsDirectory() {
        assertThatThrownBy(() -> BenchArgs.check(List.of("-f", "2")))
                .isInstanceOf(AbInputException.class)
                .hasMessageContaining("-f is ab's own");
        assertThatThrownBy(() -> BenchArgs.check(List.of("--results-dir=x"))).hasMessageContaining("ab's own");
        assertThatThrownBy(() -> BenchArgs.check(List.of("--sizes")))
                .hasMessage("bench option --sizes after -- has " + "no value");
        assertThatThrownBy(() -> BenchArgs.check(List.of("shm")))
                .hasMessage("bench option expected after --, not " + "'shm'");
    }

    @Test
    void durationsReadAsTheHelpSays() {
        assertThat(AbCommand.duration("--time-budget", "12m", true)).isEqualTo(Duration.ofMinutes(12));
        assertThat(AbCommand.duration("--time-budget", "90s", true)).isEqualTo(Duration.ofSeconds(90));
        assertThat(AbCommand.duration("--time-budget", "1h", true)).isEqualTo(Duration.ofHours(1));
        assertThat(AbCommand.duration("--time-budget", "0", true)).isNull();
        assertThatThrownBy(() -> AbCommand.duration("--fork-timeout", "0", false))
                .hasMessage("--fork-timeout '0' is not a duration such as 90s, 12m, 1h");
    }
}
