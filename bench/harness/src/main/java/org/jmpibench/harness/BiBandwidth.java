package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Bi-directional bandwidth between ranks 0 and 1: one call is a window each way, both ranks starting
 * {@link Operation#WINDOW} non-blocking receives and {@code WINDOW} non-blocking sends of {@code size} ints, then
 * waiting for all of them. OSU equivalent: {@code osu_bibw} (window 64; receive slots as for {@link Bandwidth}). Other
 * ranks idle.
 *
 * <p>Score (us/op): time per message counting both directions, the window's time over {@code 2 WINDOW}; bandwidth in
 * reports = {@code 4 size / score}, the sum of both directions, as OSU prints it. Secondary {@code handTimed} as for
 * {@link Bandwidth}.
 *
 * <p>Guards against: unequal operation counts (deadlock) — rank 1 runs exactly the commanded windows; a wrong answer
 * being timed — before every iteration both ranks send fresh data and check every slot of their window.
 */
@State(Scope.Benchmark)
public class BiBandwidth extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.BIBW;
    }

    /** One window each way: {@code 2 WINDOW} messages, declared so that the score is a time per message. */
    @Benchmark
    @OperationsPerInvocation(2 * Operation.WINDOW)
    public void bibw() {
        session.operation();
    }
}
