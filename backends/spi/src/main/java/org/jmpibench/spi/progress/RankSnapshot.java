package org.jmpibench.spi.progress;

/**
 * One rank's slot of the progress board, as read at one moment.
 *
 * @param joined the rank reached its communicator (before that the other fields are empty)
 * @param callWord the raw call word: it changes when a call starts or returns (a repeated point-to-point call to the
 *     same peer looks the same)
 * @param call the communicator call it is inside, {@link Call#NONE} between calls
 * @param peer the rank that call involves (destination, source or root), or {@link ProgressBoardDescriptor#ANY_PEER}
 * @param collectives collective calls entered so far, the current one included; wraps, so compare two ranks' by the
 *     sign of their difference
 * @param step what the rank last said it was doing; empty when it never said
 */
public record RankSnapshot(int rank, boolean joined, long callWord, Call call, int peer, int collectives, String step) {

    public boolean inCall() {
        return call != Call.NONE;
    }
}
