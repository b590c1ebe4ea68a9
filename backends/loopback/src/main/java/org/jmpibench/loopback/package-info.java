/**
 * The {@code loopback} and {@code tcp} backends: our own pure-Java message passing, one JVM per rank, a full mesh of
 * authenticated TCP connections met through a per-job rendezvous in the launcher; {@code loopback} on 127.0.0.1 of one
 * host, {@code tcp} on each host's interface across hosts. Needs nothing native. The wire protocol is described once in
 * {@link org.jmpibench.loopback.WireDescriptor}; every knob (idle strategy, limits, timeouts) in
 * {@link org.jmpibench.loopback.LoopbackConfig}.
 */
package org.jmpibench.loopback;
