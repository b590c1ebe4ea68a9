package org.jmpibench.mpjexpress;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import mpi.MPI;

/**
 * What every MPJ Express rank runs first: {@code MpjRankMain <rank> <conf> <device> --main <class> <n> args...
 * [--leader <class> <m> args...]}, the argument shape MPJ's devices expect ({@code MPI.Init} reads the first three). It
 * initializes MPI, so that {@link org.jmpibench.spi.Job#communicator()} in the application returns the adapter over
 * {@code COMM_WORLD}, runs the application's main (rank 0 runs the leader's, if any), finalizes MPI if the application
 * did not, and makes the rank's end visible to the launcher:
 *
 * <ul>
 *   <li>niodev (a JVM per rank): exit status 0 on success; on any throwable it prints it and halts with status 1, since
 *       MPJ's non-daemon threads would keep a rank whose main threw alive forever.
 *   <li>smpdev (a thread per rank): MPJ ends the JVM with status 0 whatever a rank did, so the rank reports success or
 *       failure to {@link SmpJobMonitor}, which prints a marker line and halts on failure.
 * </ul>
 */
public final class MpjRankMain {

    private MpjRankMain() {}

    public static void main(String[] args) {
        boolean threads = args.length > 2 && "smpdev".equals(args[2]);
        int rank = parseRank(args);
        if (threads) {
            SmpJobMonitor.rankStarted(rank, MpjRankMain::finishThread);
        }
        try {
            RankArgs programs = RankArgs.decode(MPI.Init(args));
            int worldRank = MPI.COMM_WORLD.Rank();
            if (threads && worldRank != rank) {
                SmpJobMonitor.rankStarted(worldRank, MpjRankMain::finishThread);
            }
            rank = worldRank;
            runMain(programs.classFor(rank), programs.argsFor(rank));
            MpjCommunicator.finalizeIfNeeded();
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
            if (cause instanceof SmpJobMonitor.RankExit exit) {
                // The application called System.exit(0) in an smpdev rank: that rank is done, the others go on.
                finish(threads, rank);
                return;
            }
            fail(threads, rank, cause);
            return;
        }
        finish(threads, rank);
    }

    private static void runMain(String className, String[] args) throws Throwable {
        Class<?> main = Class.forName(className, true, MpjRankMain.class.getClassLoader());
        Method method = main.getMethod("main", String[].class);
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException(className + ".main is not static");
        }
        // The java launcher runs a public main of a package-private class (JMH's ForkedMain is one);
        // reflection needs to be told to do the same.
        method.setAccessible(true);
        method.invoke(null, (Object) args);
    }

    /** How an smpdev rank finishes, also when its System.exit(0) was stopped on Java 24+. */
    private static void finishThread(int rank) {
        finish(true, rank);
    }

    private static void finish(boolean threads, int rank) {
        if (threads) {
            try {
                MpjCommunicator.finalizeIfNeeded();
            } catch (Throwable t) {
                fail(true, rank, t);
                return;
            }
            SmpJobMonitor.rankDone(rank);
        } else {
            System.out.flush();
            System.exit(0);
        }
    }

    private static void fail(boolean threads, int rank, Throwable cause) {
        if (threads) {
            SmpJobMonitor.rankFailed(rank, cause);
            return;
        }
        System.err.println("rank " + rank + " failed: " + cause);
        cause.printStackTrace();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }

    private static int parseRank(String[] args) {
        try {
            return Integer.parseInt(args[0]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "usage: MpjRankMain <rank> <conf> <device> --main <class> <n> args..."
                            + " (as the mpj-niodev and mpj-smpdev launchers start it); got " + String.join(" ", args),
                    e);
        }
    }
}
