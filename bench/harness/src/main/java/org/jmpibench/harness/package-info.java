/**
 * JMH benchmarks of send, bcast and gather-average run as N-rank jobs of any backend, and the runner that drives
 * them across backends, rank counts and sizes.
 *
 * <h2>Process model</h2>
 * <pre>
 *  BenchRunner (JMH host JVM, outside any job)
 *    │  one JMH Runner per (backend, np); options.jvm = a generated wrapper script
 *    ▼
 *  wrapper script ── JMH's properties probe ──► plain java
 *    │  a real fork: "... -cp CP org.openjdk.jmh.runner.ForkedMain HOST PORT"
 *    ▼
 *  ForkLauncher JVM: backend.launcher().run(JobSpec{np, leader, program})   (one job per JMH fork)
 *    ├── rank 0     = JMH's forked JVM, unchanged (ForkedMain, talks back to the host): the leader
 *    └── rank 1..N-1 = Follower, same class path and JVM options
 *
 *  leader ──bcast(Command)──► followers      SETUP · VALIDATE · RUN(count) · REPORT · STOP
 *         ◄──gather(busy time, ops)──        after every iteration, outside the timed region
 *  (send: after SETUP, commands and the report go point-to-point between ranks 0 and 1 only; ranks 2.. wait
 *   for the final STOP and are never woken by a batch)
 * </pre>
 * {@link org.jmpibench.harness.LeaderSession} explains the batching and what each number means.
 */
package org.jmpibench.harness;

