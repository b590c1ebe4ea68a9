package org.jmpibench.mpjexpress;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.Request;

/**
 * Ranks 0 and 1 keep OSU bibw windows of large messages in flight to each other, round after round: the pattern that
 * deadlocked niodev's rendezvous protocol (see {@code PeerInfoServer}'s protocol switch limit). Usage:
 * {@code BothWaysRank <windows> <ints>}; each rank checks every message and prints {@link #PASSED} and its rank.
 */
public final class BothWaysRank {

    static final String PASSED = "BOTH WAYS PASSED rank ";
    /** OSU's window: 64 messages each way outstanding at once. */
    private static final int WINDOW = 64;

    public static void main(String[] args) {
        int windows = Integer.parseInt(args[0]);
        int ints = Integer.parseInt(args[1]);
        Communicator comm = Job.communicator();
        int rank = comm.rank();
        int peer = 1 - rank;
        int[] out = new int[WINDOW * ints];
        int[] in = new int[WINDOW * ints];
        Request[] requests = new Request[2 * WINDOW];
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < out.length; i++) {
                out[i] = rank * 1_000_003 + w + i;
            }
            for (int k = 0; k < WINDOW; k++) {
                requests[k] = comm.irecv(in, k * ints, ints, peer, 7);
            }
            for (int k = 0; k < WINDOW; k++) {
                requests[WINDOW + k] = comm.isend(out, k * ints, ints, peer, 7);
            }
            comm.waitAll(requests, 2 * WINDOW);
            for (int i = 0; i < in.length; i++) {
                if (in[i] != peer * 1_000_003 + w + i) {
                    throw new AssertionError("rank " + rank + ", window " + w + ": element " + i + " is " + in[i]);
                }
            }
        }
        System.out.println(PASSED + rank);
        comm.close();
    }
}
