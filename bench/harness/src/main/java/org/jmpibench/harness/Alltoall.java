package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Personalised all-to-all: every rank sends its own block of {@code size} ints to every rank and receives one from each
 * ({@code np * size} ints in and out per rank). OSU equivalent: {@code osu_alltoall} (size = one block, as here).
 *
 * <p>Score (us/op): rank 0's time per alltoall; secondary {@code slowestRank}: the largest time per alltoall over all
 * ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}).
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, never a control
 * message per operation; a wrong answer being timed — before every iteration every block of every pair of ranks carries
 * its own fresh pattern, and every rank checks every block it received.
 */
@State(Scope.Benchmark)
public class Alltoall extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.ALLTOALL;
    }

    @Benchmark
    public void alltoall() {
        session.operation();
    }
}
