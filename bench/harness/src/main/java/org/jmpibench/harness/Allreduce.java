package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Allreduce SUM of {@code size} ints: every rank receives the element-wise sum of every rank's. OSU equivalent:
 * {@code osu_allreduce} (which sums floats, the same 4 bytes an element).
 *
 * <p>Score (us/op): rank 0's time per allreduce; secondary {@code slowestRank}: the largest time per allreduce over all
 * ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}).
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, never a control
 * message per operation; a wrong answer being timed — before every iteration every rank contributes a fresh pattern and
 * checks every element of the sum (int sums wrap, so the expected value is exact in any order).
 */
@State(Scope.Benchmark)
public class Allreduce extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.ALLREDUCE;
    }

    @Benchmark
    public void allreduce() {
        session.operation();
    }
}
