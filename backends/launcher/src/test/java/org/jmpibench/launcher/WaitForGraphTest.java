package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jmpibench.spi.progress.Call;
import org.jmpibench.spi.progress.ProgressBoardDescriptor;
import org.jmpibench.spi.progress.RankSnapshot;
import org.junit.jupiter.api.Test;

/** The blame on boards written by hand: each test is one way a job can fail. */
class WaitForGraphTest {

    private static final int ANY = ProgressBoardDescriptor.ANY_PEER;
    private static final long[] THREE_SECONDS = {3_000_000_000L, 3_000_000_000L, 3_000_000_000L, 3_000_000_000L};

    private final List<RankSnapshot> board = new ArrayList<>();
    private final List<RankEnd> ends = new ArrayList<>();
    private final Set<Integer> withoutBoard = new HashSet<>();

    private WaitForGraphTest rank(Call call, int peer, int collectives, RankEnd end) {
        board.add(new RankSnapshot(
                board.size(),
                true,
                board.size() * 1000L + collectives,
                call,
                peer,
                collectives,
                "step of rank " + board.size()));
        ends.add(end);
        return this;
    }

    private WaitForGraphTest notJoined() {
        board.add(new RankSnapshot(board.size(), false, 0, Call.NONE, 0, 0, ""));
        ends.add(RankEnd.running());
        return this;
    }

    private Optional<StuckRank> blame(int noticer) {
        return new WaitForGraph(board, ends, withoutBoard).blame(noticer, Arrays.copyOf(THREE_SECONDS, board.size()));
    }

    @Test
    void aHungFollowerIsBlamedWhenTheLeaderWaitingForItNoticesFirst() {
        rank(Call.GATHER, 0, 4, RankEnd.exited(3)) // the leader's watchdog fired in the 4th collective
                .rank(Call.NONE, 0, 3, RankEnd.running()); // rank 1 hangs in its own code after the 3rd
        StuckRank stuck = blame(0).orElseThrow();
        assertThat(stuck.stuck().rank()).isEqualTo(1);
        assertThat(stuck.waiter()).isZero();
        assertThat(stuck.describe(rank -> "", RankHosts.none()))
                .isEqualTo("rank 1 stopped making progress in 'step of rank 1'; rank 0 waited for it 3.0 s");
    }

    @Test
    void aRankStuckInsideACollectiveThatEveryOtherRankHadLeftIsBlamed() {
        rank(Call.GATHER, 0, 5, RankEnd.exited(3)).rank(Call.BCAST, 0, 4, RankEnd.running());
        StuckRank stuck = blame(0).orElseThrow();
        assertThat(stuck.stuck().rank()).isEqualTo(1);
        assertThat(stuck.describe(rank -> "", RankHosts.none())).contains("(inside bcast from rank 0)");
    }

    @Test
    void aKilledFollowerIsBlamedWhenTheLeaderNoticesItsDeathFirst() {
        rank(Call.RECV, 1, 2, RankEnd.exited(1)).rank(Call.NONE, 0, 2, RankEnd.exited(137));
        StuckRank stuck = blame(0).orElseThrow();
        assertThat(stuck.describe(rank -> rank == 1 ? ": its last words" : "", RankHosts.none()))
                .startsWith(
                        "rank 1 was killed by signal 9 (SIGKILL) (exit status 137) in 'step of rank 1': its last words; "
                                + "rank 0 waited for it");
    }

    @Test
    void aRankKilledInsideACallIsStillTheOneToBlame() {
        rank(Call.RECV, 1, 2, RankEnd.exited(1)).rank(Call.RECV, 0, 2, RankEnd.exited(137));
        assertThat(blame(0)).get().extracting(stuck -> stuck.stuck().rank()).isEqualTo(1);
    }

    @Test
    void nothingIsAddedWhenTheRankThatNoticedIsTheStuckOne() {
        rank(Call.GATHER, 0, 4, RankEnd.running()).rank(Call.NONE, 0, 3, RankEnd.exited(3));
        assertThat(blame(1)).isEmpty();
    }

    @Test
    void withoutARankThatNoticedTheChainStartsAtEveryWaitingRank() {
        rank(Call.RECV, 1, 1, RankEnd.running()).rank(Call.NONE, 0, 1, RankEnd.running());
        assertThat(blame(-1)).get().extracting(stuck -> stuck.stuck().rank()).isEqualTo(1);
    }

    @Test
    void theChainIsFollowedToItsEnd() {
        // 0 waits for 2 in a recv; 2 waits in the 3rd collective for rank 3, which never got there.
        rank(Call.RECV, 2, 2, RankEnd.exited(3))
                .rank(Call.BARRIER, ANY, 3, RankEnd.running())
                .rank(Call.BARRIER, ANY, 3, RankEnd.running())
                .rank(Call.NONE, 0, 2, RankEnd.running());
        StuckRank stuck = blame(0).orElseThrow();
        assertThat(stuck.stuck().rank()).isEqualTo(3);
        assertThat(stuck.waiter()).as("the rank that waited for it directly").isEqualTo(2);
    }

    @Test
    void everyRankThatWaitedForTheStuckOneIsNamed() {
        rank(Call.BARRIER, ANY, 3, RankEnd.exited(3))
                .rank(Call.NONE, 0, 3, RankEnd.running())
                .rank(Call.RECV, 3, 2, RankEnd.running())
                .rank(Call.NONE, 0, 2, RankEnd.running());
        StuckRank stuck = blame(0).orElseThrow();
        assertThat(stuck.describe(rank -> "", RankHosts.none()))
                .endsWith("; rank 0 waited for it 3.0 s, as did rank 2");
    }

    @Test
    void ranksThatWaitForEachOtherNameNobody() {
        rank(Call.RECV, 1, 1, RankEnd.exited(3)).rank(Call.RECV, 0, 1, RankEnd.running());
        assertThat(blame(0)).isEmpty();
    }

    @Test
    void aRankThatNeverJoinedIsBlamedForTheCollectiveWaitingForIt() {
        rank(Call.BARRIER, ANY, 1, RankEnd.exited(3)).notJoined();
        StuckRank stuck = blame(0).orElseThrow();
        assertThat(stuck.describe(rank -> "", RankHosts.none()))
                .startsWith("rank 1 stopped making progress before it joined the job");
    }

    @Test
    void collectiveCountsAreComparedAcrossTheirWrap() {
        // Rank 0 entered one collective more than rank 1, whose count is the last before the wrap.
        rank(Call.GATHER, 0, Integer.MIN_VALUE, RankEnd.exited(3))
                .rank(Call.NONE, 0, Integer.MAX_VALUE, RankEnd.running());
        assertThat(blame(0)).get().extracting(stuck -> stuck.stuck().rank()).isEqualTo(1);
    }

    @Test
    void whenEveryRankIsInsideTheSameCollectiveTheRootIsBlamed() {
        rank(Call.BCAST, 0, 2, RankEnd.running()).rank(Call.BCAST, 0, 2, RankEnd.exited(3));
        assertThat(blame(1)).get().extracting(stuck -> stuck.stuck().rank()).isEqualTo(0);
    }

    @Test
    void aRankThatLeftByItselfIsPreferredToOneThatWasStillComputing() {
        rank(Call.BARRIER, ANY, 2, RankEnd.exited(3))
                .rank(Call.NONE, 0, 1, RankEnd.running())
                .rank(Call.NONE, 0, 1, RankEnd.exited(137));
        assertThat(blame(0)).get().extracting(stuck -> stuck.stuck().rank()).isEqualTo(2);
    }

    @Test
    void aRankThatNeverJoinedNoticesNothingTheBoardCanExplain() {
        notJoined().rank(Call.NONE, 0, 0, RankEnd.running());
        assertThat(blame(0)).isEmpty();
    }

    @Test
    void acrossHostsTheStuckRankIsNamedWithItsHost() {
        rank(Call.GATHER, 0, 4, RankEnd.exited(3)).rank(Call.NONE, 0, 3, RankEnd.running());
        assertThat(blame(0).orElseThrow().describe(rank -> "", RankHosts.of(List.of("h1", "h2"))))
                .isEqualTo("rank 1 on host h2 stopped making progress in 'step of rank 1'; rank 0 waited for it 3.0 s");
    }

    @Test
    void aChainThroughARankWithoutTheBoardBlamesNobody() {
        // Rank 1, on a host that does not see the board, shows as never joined; it might be waiting for anyone.
        rank(Call.GATHER, 0, 4, RankEnd.exited(3)).notJoined().rank(Call.GATHER, 0, 4, RankEnd.running());
        assertThat(blame(0)).as("with the board everywhere, rank 1 is blamed").isPresent();
        withoutBoard.add(1);
        assertThat(blame(0)).isEmpty();
        assertThat(blame(-1)).isEmpty();
    }
}
