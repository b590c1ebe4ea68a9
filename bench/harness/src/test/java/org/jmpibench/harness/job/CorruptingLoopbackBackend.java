package org.jmpibench.harness.job;

/** Test-only backend "corrupting-loopback": rank 1 flips the first element of everything it receives. */
public final class CorruptingLoopbackBackend extends FaultyLoopbackBackend {

    public static final String NAME = "corrupting-loopback";

    public CorruptingLoopbackBackend() {
        super(NAME, FaultyCommunicator.Fault.CORRUPT, 1);
    }
}
