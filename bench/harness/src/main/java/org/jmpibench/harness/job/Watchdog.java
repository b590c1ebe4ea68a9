package org.jmpibench.harness.job;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jmpibench.spi.Job;

/**
 * Halts this rank's JVM when a step it was armed for does not finish in time: a blocked native or socket call cannot be
 * interrupted (JMH's {@code -to} cannot stop it either), and a hung rank would hold the whole job until the launcher's
 * timeout. Before halting it prints every thread's stack to the real stderr, naming the step, so the job's failure says
 * where it hung.
 *
 * <p>Arming copies the step's text and does a few volatile writes; disarming is one: done per batch and per iteration,
 * never per operation.
 */
public final class Watchdog {

    /** System property: seconds a single armed step may take. */
    public static final String TIMEOUT_PROPERTY = "jmpi.bench.watchdogSeconds";

    public static final long DEFAULT_TIMEOUT_SECONDS = 120;

    private final String rankName;
    private volatile long deadlineNs;
    private volatile String step = "";
    private volatile long armedSeconds;
    private volatile boolean armed;
    private final Thread thread;

    Watchdog(String rankName) {
        this.rankName = rankName;
        this.thread = new Thread(this::watch, "jmpi-bench-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Seconds per armed step: {@value #TIMEOUT_PROPERTY}, else {@value #DEFAULT_TIMEOUT_SECONDS}. */
    static long timeoutSeconds() {
        return Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * Starts timing {@code what}: unless {@link #disarm()} comes first, the JVM halts after {@code seconds}. The step
     * is also published to the job's launcher ({@link Job#step}), which names it if this rank is blamed.
     */
    void arm(String what, long seconds) {
        Job.step(what);
        step = what;
        armedSeconds = seconds;
        deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        armed = true;
        LockSupport.unpark(thread);
    }

    void disarm() {
        armed = false;
    }

    private void watch() {
        while (true) {
            if (!armed) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200));
                continue;
            }
            long left = deadlineNs - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
                continue;
            }
            if (armed && deadlineNs - System.nanoTime() <= 0) {
                dumpAndHalt();
            }
        }
    }

    private void dumpAndHalt() {
        // The launcher quotes a rank's first line naming an Error: say it before and after the dump.
        String verdict = "jmpi-bench watchdog: " + rankName + ": Error: '" + step + "' did not finish within "
                + armedSeconds + " s; halting";
        synchronized (RankFailure.STDERR) {
            RankFailure.STDERR.println(verdict + ".");
            RankFailure.STDERR.println("Thread dump:");
            for (Map.Entry<Thread, StackTraceElement[]> entry :
                    Thread.getAllStackTraces().entrySet()) {
                RankFailure.STDERR.println("  \"" + entry.getKey().getName() + "\" "
                        + entry.getKey().getState());
                for (StackTraceElement frame : entry.getValue()) {
                    RankFailure.STDERR.println("      at " + frame);
                }
            }
            RankFailure.STDERR.println(verdict + ".");
            RankFailure.STDERR.flush();
        }
        Runtime.getRuntime().halt(RankFailure.HUNG);
    }
}
