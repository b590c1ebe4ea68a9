package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Barrier: every rank waits until all have entered. OSU equivalent: {@code osu_barrier}. It moves no data, so it has no
 * size: the runner runs it once per (backend, np) at size {@value Operation#NO_SIZE} (and buffer {@code array}, which
 * means nothing here either), whatever sizes and buffer kinds the run names, so its results match across runs.
 *
 * <p>Score (us/op): rank 0's time per barrier; secondary {@code slowestRank}: the largest time per barrier over all
 * ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}). A rank leaves only when all
 * have entered, so rank 0's time is close to the slowest rank's.
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, and after every
 * iteration the session checks that every rank got through as many barriers as rank 0; a broken barrier (one that hangs
 * or throws) — one is run on every rank before every iteration. There is no data to check.
 */
@State(Scope.Benchmark)
public class Barrier extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.BARRIER;
    }

    @Benchmark
    public void barrier() {
        session.operation();
    }
}
