package org.jmpibench.harness;

import org.jmpibench.results.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Point-to-point latency: rank 0 sends {@code size} ints to rank 1 and receives them back; other ranks idle. OSU
 * equivalent: {@code osu_latency}.
 *
 * <p>One call of {@link #send()} is one round trip = two one-way messages, declared with
 * {@code @OperationsPerInvocation(2)}: the score (us/op) is HALF the round trip, the one-way latency OSU prints.
 * Bandwidth in reports: {@code size * 4 bytes / score} (MB/s with 10^6 bytes).
 *
 * <p>Guards against: unequal operation counts between ranks (deadlock) — rank 1 echoes exactly what rank 0 commanded; a
 * wrong answer being timed — both ranks check a fresh pattern before every iteration; hidden harness overhead — the
 * secondary result {@code handTimed} times the same ping-pong in a plain loop in the same job (same unit, also half a
 * round trip), and score / handTimed should stay within 1.05.
 */
@State(Scope.Benchmark)
public class PingPong extends LeaderBenchmark {

    @Override
    protected Operation operation() {
        return Operation.SEND;
    }

    /** A round trip: two one-way messages ({@link Operation#messagesPerInvocation()}, checked by a test). */
    @Benchmark
    @OperationsPerInvocation(2)
    public void send() {
        session.operation();
    }
}
