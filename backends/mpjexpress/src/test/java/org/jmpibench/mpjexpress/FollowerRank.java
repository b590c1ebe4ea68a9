package org.jmpibench.mpjexpress;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/** What ranks 1..N-1 run in the leader test: send their rank times ten to rank 0. */
public final class FollowerRank {

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        comm.send(new int[] {comm.rank() * 10}, 0, 1, 0, 5);
        System.out.println("FOLLOWER rank " + comm.rank() + " args " + String.join(",", args));
        comm.close();
    }
}
