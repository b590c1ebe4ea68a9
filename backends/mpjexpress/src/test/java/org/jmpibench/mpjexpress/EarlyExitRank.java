package org.jmpibench.mpjexpress;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * Rank program for smpdev's System.exit handling (3 ranks): rank 0 calls {@code System.exit(0)} as soon as every rank
 * has joined; ranks 1 and 2 then still exchange a message, and rank 2 ends with {@code System.exit(0)} too while rank 1
 * returns from main. Under niodev each would end only its own process; under smpdev the job must end the same way, with
 * every rank done.
 */
public final class EarlyExitRank {

    static final String SURVIVED = "SURVIVED rank ";

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        comm.barrier();
        if (comm.rank() == 0) {
            System.exit(0);
        }
        int peer = 3 - comm.rank();
        int[] value = new int[1];
        if (comm.rank() == 1) {
            comm.send(new int[] {comm.rank()}, 0, 1, peer, 7);
            comm.recv(value, 0, 1, peer, 8);
        } else {
            comm.recv(value, 0, 1, peer, 7);
            comm.send(new int[] {comm.rank()}, 0, 1, peer, 8);
        }
        System.out.println(SURVIVED + comm.rank() + " got " + value[0]);
        if (comm.rank() == 2) {
            System.exit(0);
        }
    }
}
