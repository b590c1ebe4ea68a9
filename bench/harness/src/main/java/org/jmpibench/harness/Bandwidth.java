package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Bandwidth from rank 0 to rank 1: one call is a window of {@link Operation#WINDOW} non-blocking sends of {@code size}
 * ints, which rank 1 receives into a slot each and acknowledges with one small message. OSU equivalent: {@code osu_bw}
 * (window 64; OSU's receives share one buffer, ours have a slot each, as OSU's {@code -b multiple}: see
 * {@code WindowWorkload}). Other ranks idle.
 *
 * <p>Score (us/op): time per message, the window's time over {@code WINDOW}, declared with
 * {@code @OperationsPerInvocation}; bandwidth in reports = {@code 4 size / score} (MB/s with 10^6 bytes), the figure
 * OSU prints. Secondary {@code handTimed}: the same windows in a plain loop after each measurement iteration (same
 * unit), as for send.
 *
 * <p>Guards against: a window timed before its data arrived — the sender waits for the receiver's acknowledgement of
 * the whole window; unequal operation counts (deadlock) — rank 1 runs exactly the commanded windows; a wrong answer
 * being timed — before every iteration rank 0 sends fresh data and rank 1 checks every slot of the window, each filled
 * with sentinels first, and rank 0 the acknowledgement.
 */
@State(Scope.Benchmark)
public class Bandwidth extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.BW;
    }

    /** One window: {@link Operation#WINDOW} messages, declared so that the score is a time per message. */
    @Benchmark
    @OperationsPerInvocation(Operation.WINDOW)
    public void bw() {
        session.operation();
    }
}
