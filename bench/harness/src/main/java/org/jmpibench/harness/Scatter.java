package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Scatter of the root's {@code np} blocks of {@code size} ints, block r to rank r (the root rank 0 unless
 * {@code --root} says otherwise). OSU equivalent: {@code osu_scatter} (size = one block, as here).
 *
 * <p>Score (us/op): rank 0's time per scatter; secondary {@code slowestRank}: the largest time per scatter over all
 * ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}). The root can return once
 * its blocks are on their way.
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, never a control
 * message per operation; a wrong answer being timed — before every iteration the root sends fresh blocks and every rank
 * checks the one it received, filled with sentinels first.
 */
@State(Scope.Benchmark)
public class Scatter extends RootedBenchmark {

    @Override
    protected Operation operation() {
        return Operation.SCATTER;
    }

    @Benchmark
    public void scatter() {
        session.operation();
    }
}
