package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The seed's average without a root: every rank's {@code size} ints become doubles, an allreduce SUM of the
 * {@code size} doubles gives every rank the sums, and every rank divides them by np. The same result as
 * {@link GatherAverage}, bit for bit, on every rank; the question it answers is whether the library's allreduce beats
 * the seed's gather, average and bcast. No OSU equivalent ({@code osu_allreduce} of doubles plus two local passes).
 *
 * <p>Score (us/op): rank 0's time per operation; secondary {@code slowestRank}: the largest time per operation over all
 * ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}).
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, never a control
 * message per operation; a wrong answer being timed — before every iteration every rank contributes a fresh pattern and
 * checks every element of the average bit for bit against gather-average's reference (whole numbers sum exactly in any
 * order, so the check cannot depend on the backend's order of summation).
 */
@State(Scope.Benchmark)
public class AllreduceAverage extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.ALLREDUCE_AVERAGE;
    }

    @Benchmark
    public void allreduceAverage() {
        session.operation();
    }
}
