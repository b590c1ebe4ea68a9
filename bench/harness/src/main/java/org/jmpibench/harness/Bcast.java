package org.jmpibench.harness;

import org.jmpibench.harness.job.LeaderSession;
import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Broadcast of {@code size} ints from the root (rank 0 unless {@code --root} says otherwise) to every rank. OSU
 * equivalent: {@code osu_bcast}.
 *
 * <p>Score (us/op): rank 0's time per bcast. A root may return before the data reached everyone (the backend buffers
 * it), so the secondary result {@code slowestRank} gives the largest time per bcast over all ranks, each rank timing
 * its own batches (see {@link LeaderSession}). Compare backends on {@code slowestRank} when they differ.
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches; a wrong answer
 * being timed — every rank checks a fresh pattern before every iteration.
 */
@State(Scope.Benchmark)
public class Bcast extends RootedBenchmark {

    @Override
    protected Operation operation() {
        return Operation.BCAST;
    }

    @Benchmark
    public void bcast() {
        session.operation();
    }
}
