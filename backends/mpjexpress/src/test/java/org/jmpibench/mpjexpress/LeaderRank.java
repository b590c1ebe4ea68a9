package org.jmpibench.mpjexpress;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/** What rank 0 runs in the leader test: receives one int from every follower, says what it got and how it ran. */
public final class LeaderRank {

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        int sum = 0;
        int[] one = new int[1];
        for (int peer = 1; peer < comm.size(); peer++) {
            comm.recv(one, 0, 1, peer, 5);
            sum += one[0];
        }
        System.out.println("LEADER rank " + comm.rank() + " args " + String.join(",", args) + " sum " + sum
                + " property " + System.getProperty("jmpi.test.role"));
        comm.close();
    }
}
