package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reduce-scatter SUM with equal blocks (MPI_Reduce_scatter_block): every rank contributes {@code np} blocks of
 * {@code size} ints, rank r receives the sum of everyone's block r. {@code size} is the block a rank receives, as for
 * the other block collectives; OSU's {@code osu_reduce_scatter} counts the whole vector, so its figure at N elements is
 * this one's at N / np.
 *
 * <p>Score (us/op): rank 0's time per reduce-scatter; secondary {@code slowestRank}: the largest time per
 * reduce-scatter over all ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}).
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, never a control
 * message per operation; a wrong answer being timed — before every iteration every rank contributes fresh blocks and
 * checks every element of its reduced block.
 */
@State(Scope.Benchmark)
public class ReduceScatter extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.REDUCE_SCATTER;
    }

    @Benchmark
    public void reduceScatter() {
        session.operation();
    }
}
