/**
 * The {@code loopback} backend: our own pure-Java message passing, one JVM per rank on this machine, a full mesh
 * of authenticated TCP connections on 127.0.0.1 met through a per-job rendezvous in the launcher. Needs nothing
 * native. The wire protocol is described once in {@link org.jmpibench.loopback.WireDescriptor}; every knob
 * (idle strategy, limits, timeouts) in {@link org.jmpibench.loopback.LoopbackConfig}.
 */
package org.jmpibench.loopback;
