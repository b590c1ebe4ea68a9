package org.jmpibench.conformance;

import java.util.concurrent.TimeUnit;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * A rank program in which one rank stops making progress while the others wait for it, for the tests that the launcher
 * blames that rank and not the one that noticed. Usage: {@code StallingRank <mode> <stalling-rank> <watchdog-seconds>}.
 *
 * <p>Every rank runs two rounds of a bcast from rank 0 and a gather to rank 0, saying "round N" as its step
 * ({@link Job#step}); round 2 ends with a barrier. Round 1 brings every rank into the job. In round 2 the stalling
 * rank, with mode {@code hang}, sleeps before the bcast, outside any call; with mode {@code kill} it sends itself
 * SIGKILL after the bcast, while rank 0 waits for it in the gather. Round 2 is watched on every other rank: a rank
 * still in it after the watchdog's limit prints an error and halts with status {@value #HUNG}, as the benchmark
 * harness's watchdog does, so it is always a waiting rank that notices a hang.
 */
public final class StallingRank {

    /** Exit status of a rank halted by its watchdog. */
    public static final int HUNG = 3;

    public static final String STALLING_ROUND = "round 2";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int stalling = Integer.parseInt(args[1]);
        long limitNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        Communicator comm = Job.communicator();
        int[] value = new int[1];
        int[] all = new int[comm.size()];

        Job.step("round 1");
        comm.bcast(value, 0, 1, 0);
        comm.gather(value, 0, 1, all, 0, 0);

        Job.step(STALLING_ROUND);
        boolean stalls = comm.rank() == stalling;
        if (!stalls) {
            watch(comm.rank(), limitNanos);
        }
        if (stalls && mode.equals("hang")) {
            TimeUnit.DAYS.sleep(1);
        }
        comm.bcast(value, 0, 1, 0);
        if (stalls && mode.equals("kill")) {
            new ProcessBuilder(
                            "kill", "-9", Long.toString(ProcessHandle.current().pid()))
                    .start()
                    .waitFor();
            TimeUnit.DAYS.sleep(1);
        }
        comm.gather(value, 0, 1, all, 0, 0);
        // Ranks that got through wait here: none ends round 2 by itself, so the wait is what is noticed.
        comm.barrier();
        throw new IllegalStateException("rank " + comm.rank() + " finished " + STALLING_ROUND + " although rank "
                + stalling + " stalled in it (mode " + mode + ")");
    }

    /** Halts this rank {@code limitNanos} from now: nothing here ends round 2 normally. */
    private static void watch(int rank, long limitNanos) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        TimeUnit.NANOSECONDS.sleep(limitNanos);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("watchdog: rank " + rank + ": Error: '" + STALLING_ROUND
                            + "' did not finish within " + TimeUnit.NANOSECONDS.toSeconds(limitNanos) + " s; halting");
                    Runtime.getRuntime().halt(HUNG);
                },
                "stalling-rank-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
