package org.jmpibench.mpjexpress;

import org.jmpibench.conformance.NonBlockingChecks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * Ranks 0 and 1 keep OSU bibw windows of large messages in flight to each other, round after round: the pattern that
 * deadlocked niodev's rendezvous protocol (see {@code PeerInfoServer}'s protocol switch limit). Usage:
 * {@code BothWaysRank <windows> <ints>}; each rank checks every message and prints {@link #PASSED} and its rank.
 */
public final class BothWaysRank {

    static final String PASSED = "BOTH WAYS PASSED rank ";

    public static void main(String[] args) {
        int windows = Integer.parseInt(args[0]);
        int ints = Integer.parseInt(args[1]);
        Communicator comm = Job.communicator();
        for (int w = 0; w < windows; w++) {
            NonBlockingChecks.windowOfIntsBothWays(comm, 1 - comm.rank(), ints);
        }
        System.out.println(PASSED + comm.rank());
        comm.close();
    }
}
