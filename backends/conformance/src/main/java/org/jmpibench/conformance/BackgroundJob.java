package org.jmpibench.conformance;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jmpibench.spi.JobOutcome;

/**
 * A job run on a thread of its own while the test pokes at it (kills a rank, plays the stranger). Closing it interrupts
 * a job that is still running, which makes the launcher kill its ranks, and waits until it has: a test that fails
 * half-way leaves no rank JVM behind to fail the tests after it.
 */
public final class BackgroundJob implements AutoCloseable {

    /** How long {@link #close()} waits for an interrupted launcher to end its ranks. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "background-job");
        t.setDaemon(true);
        return t;
    });
    private final Future<JobOutcome> outcome;

    private BackgroundJob(Supplier<JobOutcome> job) {
        this.outcome = thread.submit(job::get);
    }

    /** Starts {@code job} (typically {@code () -> backend.launcher().run(spec)}) on its own thread. */
    public static BackgroundJob start(Supplier<JobOutcome> job) {
        return new BackgroundJob(job);
    }

    public boolean isDone() {
        return outcome.isDone();
    }

    /** The job's outcome, waiting at most {@code limit}; a job still running then fails the test. */
    public JobOutcome await(Duration limit) throws InterruptedException {
        try {
            return outcome.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the launcher threw", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the job did not end within " + limit, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        outcome.cancel(true);
        thread.shutdown();
        if (!thread.awaitTermination(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the interrupted launcher did not end its job within " + STOP_LIMIT);
        }
    }
}
