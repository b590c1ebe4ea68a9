package org.jmpibench.openmpi;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * A rank program for the launcher tests: joins the job through {@link Job#communicator()}, sums every rank's number at
 * rank 0 through a gather, and prints its role (the first argument), rank, size, the sum and the value of
 * {@code $JMPI_TEST_VALUE}.
 */
public final class RoleRank {

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        int[] all = comm.rank() == 0 ? new int[comm.size()] : null;
        comm.gather(new int[] {comm.rank()}, 0, 1, all, 0, 0);
        int sum = 0;
        if (all != null) {
            for (int value : all) {
                sum += value;
            }
        }
        int[] shared = {sum};
        comm.bcast(shared, 0, 1, 0);
        System.out.println(args[0] + " rank=" + comm.rank() + " size=" + comm.size() + " sum=" + shared[0] + " value="
                + System.getenv("JMPI_TEST_VALUE"));
        comm.close();
        System.exit(0);
    }
}
