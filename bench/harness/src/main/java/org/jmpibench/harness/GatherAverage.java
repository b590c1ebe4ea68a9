package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The seed's gather-average: every rank's {@code size} ints are gathered to the root (rank 0, as in the seed, unless
 * {@code --root} says otherwise), averaged element-wise as doubles there, and the {@code size} doubles broadcast back.
 * One operation = gather + average + bcast. No single OSU equivalent ({@code osu_gather} followed by {@code osu_bcast}
 * of twice the bytes).
 *
 * <p>Score (us/op): rank 0's time per operation; secondary {@code slowestRank}: the largest time per operation over all
 * ranks (each timing its own batches); secondaries {@code gatherPhase}, {@code averagePhase} and {@code bcastPhase}:
 * rank 0's time per operation in each phase, from a loop after each measurement iteration that reads the clock between
 * phases (see {@link org.jmpibench.harness.job.LeaderSession}). Set beside {@link Gather} of {@code size} ints and
 * {@link Bcast} of {@code 2 size} ints (the same bytes as the doubles), they show where the time goes;
 * {@link AllreduceAverage} gets the same result with one allreduce.
 *
 * <p>Guards against: unequal operation counts (deadlock); a wrong answer being timed — before every iteration the root
 * checks every gathered block and every rank checks the average bit for bit (the seed declared its float64 data as
 * MPI.FLOAT; we send doubles).
 */
@State(Scope.Benchmark)
public class GatherAverage extends RootedBenchmark {

    @Override
    protected Operation operation() {
        return Operation.GATHER_AVERAGE;
    }

    @Benchmark
    public void gatherAverage() {
        session.operation();
    }
}
