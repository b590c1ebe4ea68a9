/**
 * The JMH benchmarks: {@link org.jmpibench.harness.PingPong} (send), {@link org.jmpibench.harness.Bcast},
 * {@link org.jmpibench.harness.Gather} and {@link org.jmpibench.harness.GatherAverage}, each a short class over
 * {@link org.jmpibench.harness.LeaderBenchmark};
 * their names in results files are {@code org.jmpibench.harness.<Class>.<method>} and stay so (baselines and
 * other JMH tools match on them). The rest of the harness lives in {@code job} (what the ranks of one job do)
 * and {@code runner} (the command that drives JMH); facts about an operation are in
 * {@link org.jmpibench.results.Operation}.
 *
 * <h2>Process model</h2>
 * <pre>
 *  BenchRunner (the JMH host JVM, outside any job)                                      runner
 *    │  one JMH Runner per (backend, idle, JDK, np) group; options.jvm = a generated WrapperScript
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
 *  (pair operations (send): after SETUP, commands and the report go point-to-point between ranks 0 and 1
 *   only; ranks 2.. wait for the final STOP and are never woken by a batch)
 * </pre>
 * {@link org.jmpibench.harness.job.LeaderSession} explains the batching and what each number means. Imports run
 * one way: the benchmarks and {@code runner} use {@code job}, all three use {@code jmpi-results}; {@code job}
 * imports neither, and {@code runner} finds the benchmarks by name only.
 */
package org.jmpibench.harness;
