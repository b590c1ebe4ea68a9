package org.jmpibench.shm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * Rank program for the shm tests: ranks 0 and 1 ping-pong messages whose contents are checked on every round; other
 * ranks wait in a barrier. Usage: {@code PingPongRank <rounds>}; with rounds {@code forever} it prints {@code READY
 * pid=<pid> rank=<r> file=<path>}, ping-pongs until it is killed, and prints {@value #RUNNING} with its rank once
 * {@value #ROUNDS_BEFORE_RUNNING} rounds are done (tests kill a rank only after that line, when the job is surely
 * mid-flight).
 */
public final class PingPongRank {

    static final String READY = "READY";
    static final String PASSED = "PINGPONG PASSED rank ";
    static final String RUNNING = "PINGPONG RUNNING rank ";
    static final int ROUNDS_BEFORE_RUNNING = 100;
    private static final int[] SIZES = {1, 1000, 50_000};

    public static void main(String[] args) {
        boolean forever = args[0].equals("forever");
        long rounds = forever ? Long.MAX_VALUE : Long.parseLong(args[0]);
        Communicator comm = Job.communicator();
        int rank = comm.rank();
        comm.barrier();
        if (forever) {
            System.out.println(READY + " pid=" + ProcessHandle.current().pid() + " rank=" + rank + " file="
                    + System.getenv(ShmJobSession.FILE_ENV));
        }
        int[] out = new int[SIZES[SIZES.length - 1]];
        int[] in = new int[out.length];
        ByteBuffer direct = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
        if (rank <= 1) {
            int peer = 1 - rank;
            for (long round = 0; round < rounds; round++) {
                int count = SIZES[(int) (round % SIZES.length)];
                for (int i = 0; i < count; i++) {
                    out[i] = (int) round * 31 + i + rank;
                }
                if (rank == 0) {
                    comm.send(out, 0, count, peer, 5);
                    expect(comm.recv(in, 0, in.length, peer, 5), count, in, round, peer);
                } else {
                    expect(comm.recv(in, 0, in.length, peer, 5), count, in, round, peer);
                    comm.send(out, 0, count, peer, 5);
                }
                direct.putLong(0, round);
                if (rank == 0) {
                    comm.send(direct, peer, 6);
                } else {
                    comm.recv(direct, peer, 6);
                    check(direct.getLong(0) == round, "buffer message of round " + round);
                }
                if (forever && round == ROUNDS_BEFORE_RUNNING) {
                    System.out.println(RUNNING + rank);
                }
            }
        }
        comm.barrier();
        comm.close();
        System.out.println(PASSED + rank);
        System.exit(0);
    }

    private static void expect(int received, int count, int[] in, long round, int peer) {
        check(received == count, "round " + round + ": received " + received + " ints, expected " + count);
        for (int i = 0; i < count; i++) {
            check(in[i] == (int) round * 31 + i + peer, "round " + round + ": int " + i + " is " + in[i]);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
