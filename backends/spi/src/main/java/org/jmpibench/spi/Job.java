package org.jmpibench.spi;

import java.io.IOException;
import java.nio.file.Path;
import org.jmpibench.spi.progress.ProgressBoard;
import org.jmpibench.spi.progress.ProgressBoardDescriptor;
import org.jmpibench.spi.progress.ProgressCommunicator;
import org.jmpibench.spi.progress.RankProgress;

/**
 * The entry point inside a rank: {@code Communicator comm = Job.communicator();}.
 *
 * <p>The launcher tells each rank its backend through the environment variable {@value #BACKEND_ENV} (or the system
 * property {@value #BACKEND_PROPERTY}). The first call joins the job; later calls return the same communicator. Where
 * ranks are threads of one JVM, the backend gives each rank its own class loader, so each rank sees its own copy of
 * this class.
 */
public final class Job {

    /** Environment variable naming the backend of the job this process belongs to. */
    public static final String BACKEND_ENV = "JMPI_BACKEND";
    /** System property that overrides {@link #BACKEND_ENV}. */
    public static final String BACKEND_PROPERTY = "jmpi.backend";
    /**
     * Environment variable with the PID of the process that launched this rank. When that process is gone (killed with
     * {@code kill -9}, so it could not stop its ranks) the rank halts instead of running on as an orphan that may wait
     * forever for a peer.
     */
    public static final String LAUNCHER_PID_ENV = "JMPI_LAUNCHER_PID";
    /**
     * Set to {@code 1} for a rank started on another host than its launcher, where the launcher's PID means nothing:
     * the launcher holds this rank's stdin open for the whole job, so end-of-file on stdin means the launcher (or the
     * connection to it) is gone, and the rank halts.
     */
    public static final String LAUNCHER_STDIN_ENV = "JMPI_LAUNCHER_STDIN";

    private static Communicator current;
    /** This rank's slot of the progress board, once joined (null without a board). */
    private static RankProgress progress;
    /** The last step said before the rank joined, published when it does. */
    private static String stepBeforeJoining = "";

    private Job() {}

    /**
     * The communicator of the job this rank belongs to; joins the job on the first call. When the launcher gave the job
     * a progress board ({@value ProgressBoardDescriptor#PATH_ENV}), every call is recorded on it
     * ({@link ProgressCommunicator}), so that a failed job names the rank that stopped making progress.
     */
    public static synchronized Communicator communicator() {
        if (current == null) {
            haltWhenLauncherDies();
            Communicator joined = Backends.byName(backendName()).joinJob();
            progress = progressSlot(joined.rank());
            if (progress != null) {
                progress.step(stepBeforeJoining);
                joined = new ProgressCommunicator(joined, progress);
            }
            current = joined;
        }
        return current;
    }

    /**
     * Tells the job's launcher what this rank is doing now (e.g. "WARMUP iteration 2"): a failed job's message quotes
     * the step of the rank it blames. Copies the text into shared memory: call it per step, not per operation.
     */
    public static synchronized void step(String what) {
        if (progress != null) {
            progress.step(what);
        } else {
            stepBeforeJoining = what;
        }
    }

    private static RankProgress progressSlot(int rank) {
        String path = System.getenv(ProgressBoardDescriptor.PATH_ENV);
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            return ProgressBoard.open(Path.of(path)).join(rank);
        } catch (IOException | RuntimeException e) {
            // A diagnostic aid must not fail the job; the launcher then names the rank that noticed a failure.
            System.err.println(
                    "jmpi-bench rank " + rank + ": " + ProgressBoardDescriptor.UNUSED_NOTICE + ": " + e.getMessage());
            return null;
        }
    }

    private static void haltWhenLauncherDies() {
        if ("1".equals(System.getenv(LAUNCHER_STDIN_ENV))) {
            Thread watch = new Thread(Job::haltAtEndOfStdin, "jmpi-launcher-watch");
            watch.setDaemon(true);
            watch.start();
        }
        String pid = System.getenv(LAUNCHER_PID_ENV);
        if (pid == null || pid.isBlank()) {
            return;
        }
        try {
            // onExit of a process that is not our parent's child is polled by the JDK, which also compares
            // start times, so a reused PID does not look alive.
            ProcessHandle.of(Long.parseLong(pid.strip()))
                    .ifPresentOrElse(launcher -> launcher.onExit().thenRun(Job::launcherGone), Job::launcherGone);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("$" + LAUNCHER_PID_ENV + " is not a PID: " + pid, e);
        }
    }

    private static void haltAtEndOfStdin() {
        try {
            while (System.in.read() >= 0) {
                // The launcher sends nothing more; only the end matters.
            }
        } catch (java.io.IOException e) {
            // A broken stdin is as good as a closed one.
        }
        System.err.println("jmpi-bench rank: the connection to the launcher is gone; this rank stops");
        Runtime.getRuntime().halt(1);
    }

    private static void launcherGone() {
        System.err.println(
                "jmpi-bench rank: the launcher (PID " + System.getenv(LAUNCHER_PID_ENV) + ") is gone; this rank stops");
        Runtime.getRuntime().halt(1);
    }

    /** The name of this rank's backend, from {@value #BACKEND_PROPERTY} or {@value #BACKEND_ENV}. */
    public static String backendName() {
        String name = System.getProperty(BACKEND_PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(BACKEND_ENV);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("not inside a jmpi-bench job: neither -D" + BACKEND_PROPERTY + " nor $"
                    + BACKEND_ENV + " is set; start ranks with a backend's launcher");
        }
        return name;
    }
}
