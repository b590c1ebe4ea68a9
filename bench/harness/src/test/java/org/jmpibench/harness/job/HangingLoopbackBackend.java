package org.jmpibench.harness.job;

/** Test-only backend "hanging-loopback": rank 1 blocks forever in its first data receive. */
public final class HangingLoopbackBackend extends FaultyLoopbackBackend {

    public static final String NAME = "hanging-loopback";

    public HangingLoopbackBackend() {
        super(NAME, FaultyCommunicator.Fault.HANG, 1);
    }
}
