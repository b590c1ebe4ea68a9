package org.jmpibench.launcher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kills process trees, and on the launcher's own exit (Ctrl-C, SIGTERM, normal end) every rank still alive, so that an
 * interrupted benchmark run never leaves rank JVMs, {@code mpirun} or daemons behind.
 */
public final class ProcessReaper {

    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();
    /**
     * How long the exit hook lets tracked processes stop on SIGTERM before SIGKILL. mpirun needs it: on SIGTERM it ends
     * its ranks and removes their shared-memory segments ({@code /dev/shm/vader_segment.*}, 4 MiB per rank), which
     * SIGKILL would leave behind for good.
     */
    private static final long EXIT_GRACE_MILLIS = 2000;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAllLive, "jmpi-reaper"));
    }

    private ProcessReaper() {}

    /** Tracks {@code process} until it is reaped by {@link #killTree} or exits. */
    public static void track(Process process) {
        LIVE.add(process.toHandle());
        process.onExit().thenRun(() -> LIVE.remove(process.toHandle()));
    }

    /**
     * Asks {@code process} and its descendants to stop (SIGTERM), then kills what is left after {@code graceMillis}
     * (SIGKILL). Returns when they are gone or after a few more seconds.
     */
    public static void killTree(ProcessHandle process, long graceMillis) {
        var tree = new java.util.ArrayList<ProcessHandle>();
        process.descendants().forEach(tree::add);
        tree.add(process);
        tree.forEach(ProcessHandle::destroy);
        waitGone(tree, graceMillis);
        // Descendants may have spawned more in the meantime (orted, MPJ threads): collect again.
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        waitGone(tree, 5000);
        LIVE.remove(process);
    }

    private static void waitGone(java.util.List<ProcessHandle> tree, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                return;
            }
        }
    }

    private static void killAllLive() {
        var tree = new java.util.ArrayList<ProcessHandle>();
        for (ProcessHandle handle : LIVE) {
            handle.descendants().forEach(tree::add);
            tree.add(handle);
        }
        if (tree.isEmpty()) {
            return;
        }
        tree.forEach(ProcessHandle::destroy);
        waitGone(tree, EXIT_GRACE_MILLIS);
        for (ProcessHandle handle : LIVE) {
            handle.descendants().forEach(tree::add);
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }
}
