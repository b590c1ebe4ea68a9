package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Allgather of {@code size} ints per rank: every rank receives every rank's block. OSU equivalent:
 * {@code osu_allgather} (size = one rank's block, as here).
 *
 * <p>Score (us/op): rank 0's time per allgather; secondary {@code slowestRank}: the largest time per allgather over all
 * ranks, each timing its own batches (see {@link org.jmpibench.harness.job.LeaderSession}).
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches, never a control
 * message per operation; a wrong answer being timed — before every iteration every rank contributes a fresh pattern and
 * checks every block it received, its receive buffer filled with sentinels first.
 */
@State(Scope.Benchmark)
public class Allgather extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.ALLGATHER;
    }

    @Benchmark
    public void allgather() {
        session.operation();
    }
}
