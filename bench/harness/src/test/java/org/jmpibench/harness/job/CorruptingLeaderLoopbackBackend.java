package org.jmpibench.harness.job;

/** Test-only backend "corrupting-leader-loopback": rank 0 (JMH's fork) corrupts what it receives. */
public final class CorruptingLeaderLoopbackBackend extends FaultyLoopbackBackend {

    public static final String NAME = "corrupting-leader-loopback";

    public CorruptingLeaderLoopbackBackend() {
        super(NAME, FaultyCommunicator.Fault.CORRUPT, 0);
    }
}
