/**
 * What the ranks of one benchmark job do: the leader's session inside JMH's fork, the followers' command loop, the
 * commands between them, one workload per operation (the timed code), batching, the watchdog and the per-iteration
 * metrics handed to JMH; the process model is in {@link org.jmpibench.harness}.
 */
package org.jmpibench.harness.job;
