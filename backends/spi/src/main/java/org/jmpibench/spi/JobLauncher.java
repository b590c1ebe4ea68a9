package org.jmpibench.spi;

/**
 * Starts an N-rank job of one backend and waits for it.
 *
 * <p>Contract: {@link #run} returns within the spec's timeout plus a few seconds of clean-up, whatever the ranks do;
 * when it returns, no process it started is still running. A rank that fails (non-zero exit, killed, uncaught
 * exception) ends the whole job, and the outcome names that rank.
 */
public interface JobLauncher {

    /**
     * Runs the job to completion.
     *
     * @throws IllegalStateException when the backend is not available here (with the reason)
     * @throws IllegalArgumentException when {@code spec.idle()} is not one of the backend's
     *     {@link Backend#idleStrategies()}
     */
    JobOutcome run(JobSpec spec);
}
