package org.jmpibench.shm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * Rank program: rank 0 sends one message of {@code <MiB> * 2^20 + 3} bytes from a direct buffer to rank 1, which checks
 * every byte. The odd length makes the last chunk partial. Usage: {@code BigMessageRank <MiB>}.
 */
public final class BigMessageRank {

    static final String PASSED = "BIG PASSED rank ";

    public static void main(String[] args) {
        int bytes = Integer.parseInt(args[0]) * (1 << 20) + 3;
        Communicator comm = Job.communicator();
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        if (comm.rank() == 0) {
            for (int i = 0; i + 8 <= bytes; i += 8) {
                buf.putLong(i, pattern(i));
            }
            comm.send(buf, 1, 9);
        } else if (comm.rank() == 1) {
            int n = comm.recv(buf, 0, 9);
            if (n != bytes) {
                throw new AssertionError("received " + n + " bytes, " + bytes + " were sent");
            }
            for (int i = 0; i + 8 <= bytes; i += 8) {
                if (buf.getLong(i) != pattern(i)) {
                    throw new AssertionError("bytes at " + i + " differ");
                }
            }
        }
        comm.close();
        System.out.println(PASSED + comm.rank());
        System.exit(0);
    }

    private static long pattern(int index) {
        return index * 0x9E3779B97F4A7C15L;
    }
}
