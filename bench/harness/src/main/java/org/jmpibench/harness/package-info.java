/**
 * The JMH benchmarks, one short class per operation over {@link org.jmpibench.harness.LeaderBenchmark} (over
 * {@link org.jmpibench.harness.RootedBenchmark} for those with a root): {@link org.jmpibench.harness.PingPong} (send),
 * {@link org.jmpibench.harness.Bandwidth} (bw), {@link org.jmpibench.harness.BiBandwidth} (bibw),
 * {@link org.jmpibench.harness.Bcast}, {@link org.jmpibench.harness.Gather},
 * {@link org.jmpibench.harness.GatherAverage}, {@link org.jmpibench.harness.AllreduceAverage},
 * {@link org.jmpibench.harness.Allreduce}, {@link org.jmpibench.harness.Reduce},
 * {@link org.jmpibench.harness.Allgather}, {@link org.jmpibench.harness.Alltoall},
 * {@link org.jmpibench.harness.Scatter}, {@link org.jmpibench.harness.ReduceScatter} and
 * {@link org.jmpibench.harness.Barrier}; their names in results files are
 * {@code org.jmpibench.harness.<Class>.<method>} and stay so (baselines and other JMH tools match on them). The rest of
 * the harness lives in {@code job} (what the ranks of one job do) and {@code runner} (the command that drives JMH);
 * facts about an operation are in {@link org.jmpibench.results.Operation}.
 *
 * <h2>Process model</h2>
 *
 * <pre>
 *  BenchRunner (the JMH host JVM, outside any job)                                      runner
 *    │  per (backend, idle, JDK, np) group one JMH Runner (a second for barrier, which has no size; after a
 *    │  failed fork one per benchmark left); options.jvm = a generated WrapperScript, -foe true
 *    ▼
 *  wrapper script ── JMH's properties probe ──► plain java of the group's JDK
 *    │  a real fork: "... -cp CP org.openjdk.jmh.runner.ForkedMain HOST PORT"
 *    ▼
 *  ForkLauncher JVM: backend.launcher().run(JobSpec{np, leader, follower, jdk})  one job per fork    runner
 *    │                 (this JVM on the host's JDK; every rank on the group's)
 *    ├── rank 0      = JMH's forked JVM, unchanged (ForkedMain, talks back to the host): the leader,
 *    │                 a benchmark of this package driving a LeaderSession                           job
 *    └── rank 1..N-1 = Follower, same class path and JVM options                                     job
 *
 *  leader ──bcast(Command)──► followers      SETUP · VALIDATE · RUN(count) · REPORT · STOP
 *         ◄──gather(busy time, ops)──        after every iteration, outside the timed region
 *  (pair operations (send, bw, bibw): after SETUP, commands and the report go point-to-point between ranks 0
 *   and 1 only; ranks 2.. wait for the final STOP and are never woken by a batch)
 * </pre>
 *
 * Ranks must run exactly the same sequence of operations, or the job deadlocks, and JMH's time-based iterations would
 * give each rank a different count. So the leader commands the followers in batches worth about 20 ms of work, one
 * small command per batch and never one per operation ({@link org.jmpibench.harness.job.LeaderSession} explains the
 * batching and what each number means). Every JMH fork is a fresh job ({@code -f 0} is refused: rank 0 must be started
 * by a backend's launcher). A rank with wrong data, an exception, or a step longer than the watchdog limit halts
 * (stacks printed); the launcher ends the job, JMH records the fork as failed, the job is listed under
 * {@code failedJobs} in the run's context (naming the rank that stopped making progress and its step, from the job's
 * progress board: bench/reliability/README.md, "When things go wrong"), and the run goes on: the group's remaining
 * benchmarks run one by one, and after two failures in a row the group is given up.
 *
 * <p>Imports run one way: the benchmarks and {@code runner} use {@code job}, all three use {@code jmpi-results};
 * {@code job} imports neither, and {@code runner} finds the benchmarks by name only.
 */
package org.jmpibench.harness;
