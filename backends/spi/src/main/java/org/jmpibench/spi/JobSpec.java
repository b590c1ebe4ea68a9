package org.jmpibench.spi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An N-rank job to start: every rank runs {@code program}, except rank 0 when {@code leader} is given (the benchmark
 * harness makes rank 0 JMH's forked JVM and the others followers, like {@code mpirun}'s MPMD {@code A : B}).
 *
 * @param np number of ranks, at least 1
 * @param leader what rank 0 runs instead of {@code program}, or null
 * @param timeout the whole job is killed when it runs longer; the outcome then says so
 * @param env extra environment for every rank
 * @param hostfile the hosts to run on (a parsed hostfile, see {@link Hosts}); null for this machine only. A backend
 *     that runs on one host only refuses more than one host with an {@link IllegalArgumentException}
 * @param output receives every line the ranks print, prefixed by nothing; lines of one rank stay in order. Rank 0's
 *     stdout lines go to {@code output}, all stderr lines to it too
 * @param jdk the JDK every rank runs on (where ranks are threads of one JVM: that JVM), or null for the JDK running the
 *     launcher; see {@link #rankJdk()}. With a hostfile it must be at the same path on every host
 * @param idle how ranks wait for each other; the backend maps it to its own mechanism, and its launcher refuses one it
 *     does not list in {@link Backend#idleStrategies()}
 */
public record JobSpec(
        int np,
        RankProgram program,
        RankProgram leader,
        Duration timeout,
        Map<String, String> env,
        Hosts hostfile,
        Consumer<RankLine> output,
        Jdk jdk,
        Idle idle) {

    public JobSpec {
        if (np < 1) {
            throw new IllegalArgumentException("np must be at least 1, got " + np);
        }
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(idle, "idle");
    }

    public static JobSpec of(int np, RankProgram program, Duration timeout) {
        return new JobSpec(np, program, null, timeout, Map.of(), null, line -> {}, null, Idle.DEFAULT);
    }

    /** What rank {@code rank} runs. */
    public RankProgram programFor(int rank) {
        return rank == 0 && leader != null ? leader : program;
    }

    public Optional<Hosts> hostfileIfAny() {
        return Optional.ofNullable(hostfile);
    }

    /** The JDK the ranks run on: {@link #jdk()} when given, else the one running this launcher. */
    public Jdk rankJdk() {
        return jdk != null ? jdk : Jdk.current();
    }

    public JobSpec withLeader(RankProgram newLeader) {
        return new JobSpec(np, program, newLeader, timeout, env, hostfile, output, jdk, idle);
    }

    public JobSpec withEnv(Map<String, String> newEnv) {
        return new JobSpec(np, program, leader, timeout, newEnv, hostfile, output, jdk, idle);
    }

    /** This spec's environment plus {@code more}, whose values win. */
    public JobSpec withMoreEnv(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(more);
        return withEnv(merged);
    }

    public JobSpec withOutput(Consumer<RankLine> newOutput) {
        return new JobSpec(np, program, leader, timeout, env, hostfile, newOutput, jdk, idle);
    }

    public JobSpec withHostfile(Hosts newHostfile) {
        return new JobSpec(np, program, leader, timeout, env, newHostfile, output, jdk, idle);
    }

    public JobSpec withJdk(Jdk newJdk) {
        return new JobSpec(np, program, leader, timeout, env, hostfile, output, newJdk, idle);
    }

    public JobSpec withIdle(Idle newIdle) {
        return new JobSpec(np, program, leader, timeout, env, hostfile, output, jdk, newIdle);
    }

    /** One line printed by a rank; {@code rank} is -1 when the backend cannot tell (e.g. its own launcher). */
    public record RankLine(int rank, boolean stderr, String text) {}
}
