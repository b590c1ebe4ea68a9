package org.jmpibench.launcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jmpibench.spi.progress.RankSnapshot;

/**
 * Who waited for whom when a job failed, from the progress board and how each rank ended; and the rank at the end of
 * that chain, which stopped making progress.
 *
 * <p>A rank waits for another when it is inside a communicator call (and did not leave the job by itself):
 *
 * <ul>
 *   <li>a point-to-point call (send, recv, isend, irecv, a wait for or test of a request) waits for its peer; a waitAll
 *       whose requests involve several peers waits for nobody we can name;
 *   <li>a collective waits for every rank that has not yet entered that collective (fewer collective calls entered);
 *       when every rank has, a non-root waits for the root (the collective is stuck inside it).
 * </ul>
 *
 * A rank waits for nobody when it is between calls (computing, or hung in its own code), never joined, was killed by a
 * signal or exited 0. Following the waits from the rank that noticed the failure (or, without one, from every waiting
 * rank) leads to such a rank: the one to blame. Preferred when several are found: a rank that left by itself, then one
 * between calls, then one that never joined, then one stuck inside a call; then the lowest rank.
 */
final class WaitForGraph {

    private final List<RankSnapshot> board;
    private final List<RankEnd> ends;
    private final Set<Integer> withoutBoard;
    private final List<List<Integer>> waitsFor = new ArrayList<>();

    /** @param withoutBoard ranks that could not map the board, whose slots tell nothing */
    WaitForGraph(List<RankSnapshot> board, List<RankEnd> ends, Set<Integer> withoutBoard) {
        if (board.size() != ends.size()) {
            throw new IllegalArgumentException(board.size() + " board slots but " + ends.size() + " rank ends");
        }
        this.board = List.copyOf(board);
        this.ends = List.copyOf(ends);
        this.withoutBoard = Set.copyOf(withoutBoard);
        for (int rank = 0; rank < board.size(); rank++) {
            waitsFor.add(waitsFor(rank));
        }
    }

    /** The ranks {@code rank} was waiting for. */
    List<Integer> waitedFor(int rank) {
        return waitsFor.get(rank);
    }

    /**
     * The rank to blame for a failure noticed by {@code noticer} (-1: nobody in particular, e.g. a time-out); empty
     * when that is the noticer itself, when the noticer never joined, when nobody waited for anybody, or when the chain
     * passes a rank without the board (it might have waited for anyone).
     *
     * @param waitedNs per rank, how long it had been inside its current call (-1 unknown)
     */
    Optional<StuckRank> blame(int noticer, long[] waitedNs) {
        List<Integer> starts = new ArrayList<>();
        if (noticer >= 0) {
            if (!board.get(noticer).joined() || waitsFor.get(noticer).isEmpty()) {
                return Optional.empty();
            }
            starts.add(noticer);
        } else {
            for (int rank = 0; rank < board.size(); rank++) {
                if (!waitsFor.get(rank).isEmpty()) {
                    starts.add(rank);
                }
            }
        }
        boolean[] reached = new boolean[board.size()];
        Deque<Integer> queue = new ArrayDeque<>(starts);
        starts.forEach(rank -> reached[rank] = true);
        List<Integer> sinks = new ArrayList<>();
        while (!queue.isEmpty()) {
            int rank = queue.poll();
            if (waitsFor.get(rank).isEmpty()) {
                sinks.add(rank);
            }
            for (int next : waitsFor.get(rank)) {
                if (!reached[next]) {
                    reached[next] = true;
                    queue.add(next);
                }
            }
        }
        if (withoutBoard.stream().anyMatch(rank -> rank < reached.length && reached[rank])) {
            return Optional.empty();
        }
        return sinks.stream()
                .min(Comparator.comparingInt(this::preference).thenComparingInt(rank -> rank))
                .map(stuck -> stuckRank(stuck, noticer, reached, waitedNs));
    }

    private StuckRank stuckRank(int stuck, int noticer, boolean[] reached, long[] waitedNs) {
        List<Integer> direct = new ArrayList<>();
        for (int rank = 0; rank < board.size(); rank++) {
            if (reached[rank] && waitsFor.get(rank).contains(stuck)) {
                direct.add(rank);
            }
        }
        int waiter = direct.contains(noticer)
                ? noticer
                : direct.stream()
                        .max(Comparator.comparingLong(rank -> waitedNs[rank]))
                        .orElseThrow();
        direct.remove(Integer.valueOf(waiter));
        return new StuckRank(board.get(stuck), ends.get(stuck), waiter, waitedNs[waiter], direct);
    }

    private int preference(int rank) {
        RankSnapshot slot = board.get(rank);
        if (ends.get(rank).byItself() && !slot.inCall() || ends.get(rank).leftOnItsOwn()) {
            return 0;
        }
        if (slot.joined() && !slot.inCall()) {
            return 1;
        }
        return slot.joined() ? 3 : 2;
    }

    private List<Integer> waitsFor(int rank) {
        RankSnapshot slot = board.get(rank);
        if (!slot.joined() || !slot.inCall() || ends.get(rank).leftOnItsOwn()) {
            return List.of();
        }
        List<Integer> waited = new ArrayList<>();
        if (!slot.call().collective()) {
            if (isRank(slot.peer()) && slot.peer() != rank) {
                waited.add(slot.peer());
            }
            return waited;
        }
        for (int other = 0; other < board.size(); other++) {
            if (other != rank && isBehind(other, slot.collectives())) {
                waited.add(other);
            }
        }
        if (waited.isEmpty() && slot.call().rooted() && isRank(slot.peer()) && slot.peer() != rank) {
            RankSnapshot root = board.get(slot.peer());
            if (root.inCall() && root.collectives() == slot.collectives()) {
                waited.add(slot.peer());
            }
        }
        return waited;
    }

    /** Whether {@code rank} has not yet entered collective number {@code collective} (counts wrap). */
    private boolean isBehind(int rank, int collective) {
        RankSnapshot slot = board.get(rank);
        return !slot.joined() || slot.collectives() - collective < 0;
    }

    private boolean isRank(int peer) {
        return peer >= 0 && peer < board.size();
    }
}
