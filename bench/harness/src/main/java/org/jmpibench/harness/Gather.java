package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Every rank's {@code size} ints gathered to the root (rank 0 unless {@code --root} says otherwise), rank by rank. OSU
 * equivalent: {@code osu_gather}. The very gather that opens {@link GatherAverage}, so that gather-average can be set
 * beside its parts from one run.
 *
 * <p>Score (us/op): rank 0's time per gather; secondary {@code slowestRank}: the largest time per gather over all
 * ranks, each timing its own batches (a non-root can return once its block is on its way).
 *
 * <p>Guards against: unequal operation counts (deadlock) — followers run exactly the commanded batches; a wrong answer
 * being timed — before every iteration every rank sends a fresh pattern and the root checks every block.
 */
@State(Scope.Benchmark)
public class Gather extends RootedBenchmark {

    @Override
    protected Operation operation() {
        return Operation.GATHER;
    }

    @Benchmark
    public void gather() {
        session.operation();
    }
}
