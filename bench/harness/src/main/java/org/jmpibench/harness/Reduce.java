package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reduce SUM of {@code size} ints to the root (rank 0 unless {@code --root} says otherwise). OSU equivalent:
 * {@code osu_reduce}.
 *
 * <p>Score (us/op): rank 0's time per reduce; secondary {@code slowestRank}: the largest time per reduce over all
 * ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}). A non-root can return once
 * its part is on its way; the root cannot.
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, never a control
 * message per operation; a wrong answer being timed — before every iteration every rank contributes a fresh pattern and
 * the root checks every element of the sum.
 */
@State(Scope.Benchmark)
public class Reduce extends RootedBenchmark {

    @Override
    protected Operation operation() {
        return Operation.REDUCE;
    }

    @Benchmark
    public void reduce() {
        session.operation();
    }
}
