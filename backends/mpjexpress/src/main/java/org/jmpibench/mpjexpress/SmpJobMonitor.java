package org.jmpibench.mpjexpress;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.security.Permission;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The main class of an smpdev job's one JVM: wraps MPJ's {@code runtime.starter.MulticoreStarter} and tells the
 * launcher, by marker lines on stdout/stderr, which rank finished and which failed. MPJ itself ends the JVM with status
 * 0 whatever its ranks did, and a rank's {@code System.exit} would end every rank at once.
 *
 * <p>Class loading: this class sits on the JVM's own class path, in a directory of its own that the launcher writes
 * (the rest of this module must not be there: it would shadow each rank's copy of {@code mpi.MPI}). Each rank's
 * {@link MpjRankMain}, loaded by the rank's own class loader, reaches this one shared copy by parent-first delegation.
 * Only JDK classes and public members are used across that boundary.
 *
 * <p>{@code System.exit} in a rank: a non-zero status fails the job at once, naming the rank; status 0 ends only that
 * rank, as it would end only that rank's process under niodev. On Java 17 to 23 a {@link SecurityManager} stops the
 * exit (the rank's thread unwinds with {@link RankExit}); from Java 24 on, where there is none, the
 * {@link ExitLoggerFinder} stops it (the rank is finished on its thread, which then never returns, and the JVM ends
 * when every rank has finished). Should neither work, a shutdown hook at least names the rank that ended the JVM, and
 * the job fails.
 *
 * <p>Output: every line a rank's threads print is prefixed with {@code [rank N] }, so that the launcher can tell the
 * ranks' output apart as it does for process-per-rank backends. Marker lines are never prefixed.
 */
public final class SmpJobMonitor {

    /** Every marker line starts with this. */
    public static final String MARK = "JMPI-MPJ ";

    static final String DONE = " done";
    static final String FAILED = " failed: ";
    static final String EXITED = " called System.exit(";
    static final String ALL_DONE = "all ranks done";

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;
    private static final Map<ThreadGroup, Integer> RANK_OF_GROUP = new ConcurrentHashMap<>();
    private static final Set<Integer> FINISHED = ConcurrentHashMap.newKeySet();
    /** How each rank finishes after System.exit(0) on Java 24+: MPI_Finalize, then {@link #rankDone}. */
    private static final Map<Integer, IntConsumer> FINISH_OF_RANK = new ConcurrentHashMap<>();
    /** Ranks whose thread called System.exit(0) on Java 24+ and waits, parked, for the JVM to end. */
    private static final Set<Integer> PARKED = ConcurrentHashMap.newKeySet();

    private static volatile int ranks;
    private static volatile boolean halting;

    private SmpJobMonitor() {}

    /** Thrown out of {@code System.exit(0)} in a rank thread: that rank has finished. */
    public static final class RankExit extends SecurityException {
        private static final long serialVersionUID = 1L;

        RankExit(int rank) {
            super("rank " + rank + " called System.exit(0)");
        }
    }

    /** Arguments: MulticoreStarter's own ({@code <workdir> <np> smpdev useLocalLoader <classpath> <main> args}). */
    public static void main(String[] args) {
        int np = Integer.parseInt(args[1]);
        ranks = np;
        System.setOut(new PrintStream(new RankTaggingStream(OUT), true));
        System.setErr(new PrintStream(new RankTaggingStream(ERR), true));
        guardExits();
        Runtime.getRuntime().addShutdownHook(new Thread(SmpJobMonitor::nameTheRankThatExited, "jmpi-mpj-exit"));
        try {
            // MulticoreStarter.main returns once every rank thread has ended (it joins them).
            Class.forName("runtime.starter.MulticoreStarter")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            ERR.println(MARK + "MPJ's MulticoreStarter failed: " + e);
            e.printStackTrace(ERR);
            halt(1);
        }
        if (FINISHED.size() == np) {
            OUT.println(MARK + ALL_DONE);
            halt(0);
        }
        Set<Integer> missing = new TreeSet<>();
        for (int rank = 0; rank < np; rank++) {
            if (!FINISHED.contains(rank)) {
                missing.add(rank);
            }
        }
        ERR.println(MARK + "ranks " + missing + " ended without finishing");
        halt(1);
    }

    /**
     * Called by a rank's bootstrap on its main thread, whose thread group MPJ made the rank's own.
     *
     * @param finish how the rank finishes when it calls {@code System.exit(0)} on Java 24+ (given the rank)
     */
    public static void rankStarted(int rank, IntConsumer finish) {
        RANK_OF_GROUP.put(Thread.currentThread().getThreadGroup(), rank);
        FINISH_OF_RANK.put(rank, finish);
    }

    public static void rankDone(int rank) {
        // The marker first: the rank that finishes last ends the JVM as soon as it counts every rank finished, and
        // a rank counted before its marker was out would be reported as never finished (seen on Java 25).
        OUT.println(MARK + "rank " + rank + DONE);
        OUT.flush();
        FINISHED.add(rank);
        // MulticoreStarter would wait for the parked threads forever: the last rank to finish ends the JVM.
        if (!PARKED.isEmpty() && FINISHED.size() == ranks) {
            OUT.println(MARK + ALL_DONE);
            halt(0);
        }
    }

    /** Whether {@code thread} runs one of the ranks (and the JVM is not already ending). */
    static boolean isRankThread(Thread thread) {
        return !halting && rankOf(thread) != null;
    }

    /**
     * Java 24+: the current thread, a rank's, is about to run {@code System.exit(status)} ({@link ExitLoggerFinder}). A
     * non-zero status ends the job naming the rank; status 0 finishes the rank here and parks its thread for good, so
     * the exit never happens.
     */
    static void rankCalledExit(int status) {
        Integer rank = rankOf(Thread.currentThread());
        if (halting || rank == null) {
            return;
        }
        if (status != 0) {
            ERR.println(MARK + "rank " + rank + EXITED + status + ")");
            halt(status);
        }
        PARKED.add(rank);
        FINISH_OF_RANK.getOrDefault(rank, SmpJobMonitor::rankDone).accept(rank);
        while (true) {
            LockSupport.park();
        }
    }

    /** Ends the whole job: the other ranks would wait for this one forever. */
    public static void rankFailed(int rank, Throwable cause) {
        ERR.println(MARK + "rank " + rank + FAILED + cause);
        cause.printStackTrace(ERR);
        halt(1);
    }

    private static void guardExits() {
        try {
            System.setSecurityManager(new ExitGuard());
            return;
        } catch (UnsupportedOperationException | SecurityException e) {
            // Java 24+: no Security Manager. The Runtime.exit logger stops exits instead, where it is installed.
            if (System.LoggerFinder.getLoggerFinder() instanceof ExitLoggerFinder) {
                return;
            }
            ERR.println(MARK + "note: System.exit in a rank ends every rank on this Java (" + e + ")");
        }
    }

    private static Integer rankOf(Thread thread) {
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            Integer rank = RANK_OF_GROUP.get(group);
            if (rank != null) {
                return rank;
            }
        }
        return null;
    }

    private static void halt(int status) {
        halting = true;
        OUT.flush();
        ERR.flush();
        Runtime.getRuntime().halt(status);
    }

    private static void nameTheRankThatExited() {
        if (halting) {
            return;
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("java.lang.Runtime")
                        && frame.getMethodName().equals("exit")) {
                    Integer rank = rankOf(thread);
                    ERR.println(MARK + (rank == null ? "thread " + thread.getName() : "rank " + rank) + EXITED
                            + "?) and ended every rank");
                    ERR.flush();
                    return;
                }
            }
        });
    }

    /**
     * Prefixes each whole line that a rank's thread writes with {@code [rank N] }; lines of other threads pass as they
     * are. Bytes wait in a per-thread buffer until their newline, so lines of different ranks never mix.
     */
    private static final class RankTaggingStream extends OutputStream {
        private final PrintStream target;
        private final ThreadLocal<ByteArrayOutputStream> pending = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        RankTaggingStream(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            ByteArrayOutputStream line = pending.get();
            line.write(b);
            if (b == '\n') {
                emit(line);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ByteArrayOutputStream line = pending.get();
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i + 1 - start);
                    emit(line);
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }

        private void emit(ByteArrayOutputStream line) {
            Integer rank = rankOf(Thread.currentThread());
            synchronized (target) {
                if (rank != null) {
                    target.print("[rank " + rank + "] ");
                }
                target.write(line.toByteArray(), 0, line.size());
                target.flush();
            }
            line.reset();
        }
    }

    /** Intercepts System.exit in rank threads; permits everything else (it guards nothing). */
    private static final class ExitGuard extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {}

        @Override
        public void checkPermission(Permission perm, Object context) {}

        @Override
        public void checkExit(int status) {
            if (halting) {
                return;
            }
            Integer rank = rankOf(Thread.currentThread());
            if (rank == null) {
                return;
            }
            if (status != 0) {
                ERR.println(MARK + "rank " + rank + EXITED + status + ")");
                halt(status);
            }
            throw new RankExit(rank);
        }
    }
}
