package org.jmpibench.openmpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.jmpibench.spi.JobSpec.RankLine;
import org.junit.jupiter.api.Test;

/** Rebuilding the ranks' lines from mpirun --tag-output, including lines mpirun received in pieces. */
class TaggedOutputTest {

    @Test
    void aTaggedLineCarriesItsRankAndStream() {
        TaggedOutput output = new TaggedOutput(false);

        assertThat(output.accept("[1,3]<stderr>:boom: x")).containsExactly(new RankLine(3, true, "boom: x"));
        assertThat(output.accept("[12345,0]<stdout>:")).containsExactly(new RankLine(0, false, ""));
    }

    @Test
    void anUntaggedLineIsMpirunsOwn() {
        assertThat(new TaggedOutput(true).accept("mpirun noticed that"))
                .containsExactly(new RankLine(-1, true, "mpirun noticed that"));
    }

    @Test
    void aLineWrittenInPiecesIsJoinedBack() {
        // Seen with printf("%-30s %12.3f%n", ...) from a Java rank.
        TaggedOutput output = new TaggedOutput(false);

        assertThat(output.accept("[1,0]<stdout>:spi int[1][1,0]<stdout>:      [1,0]<stdout>:  9.465"))
                .containsExactly(new RankLine(0, false, "spi int[1]        9.465"));
    }

    @Test
    void anotherRanksChunkInTheMiddleDoesNotMixTheLines() {
        TaggedOutput output = new TaggedOutput(false);

        assertThat(output.accept("[1,0]<stdout>:first half, [1,1]<stdout>:rank one's line"))
                .containsExactly(new RankLine(1, false, "rank one's line"));
        assertThat(output.accept("[1,0]<stdout>:second half"))
                .containsExactly(new RankLine(0, false, "first half, second half"));
    }

    @Test
    void anUnfinishedLineComesOutAtTheEnd() {
        TaggedOutput output = new TaggedOutput(true);
        output.accept("[1,2]<stderr>:dying wor[1,0]<stderr>:fine");

        assertThat(output.finish()).containsExactly(new RankLine(2, true, "dying wor"));
        assertThat(output.finish()).isEmpty();
    }
}
