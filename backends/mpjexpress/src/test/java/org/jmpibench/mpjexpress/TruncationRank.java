package org.jmpibench.mpjexpress;

import java.util.Arrays;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.Job;

/**
 * Rank 0 sends 10 ints; rank 1 receives with room for 5 in a 20-int array. The SPI says: an exception, never a silent
 * cut, and nothing written past the count. Prints {@link #DETECTED} on rank 1 when that holds.
 */
public final class TruncationRank {

    static final String DETECTED = "TRUNCATION DETECTED";

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        if (comm.rank() == 0) {
            int[] ten = new int[10];
            Arrays.fill(ten, 7);
            comm.send(ten, 0, 10, 1, 1);
            return;
        }
        int[] room = new int[20];
        try {
            int n = comm.recv(room, 0, 5, 0, 1);
            System.err.println("recv of 10 ints into room for 5 returned " + n + " without an exception");
            System.exit(1);
        } catch (CommunicatorException expected) {
            boolean untouched = Arrays.stream(room, 5, 20).allMatch(v -> v == 0);
            if (!untouched) {
                System.err.println("recv wrote past its count: " + Arrays.toString(room));
                System.exit(1);
            }
            System.out.println(DETECTED + ": " + expected.getMessage());
        }
    }
}
