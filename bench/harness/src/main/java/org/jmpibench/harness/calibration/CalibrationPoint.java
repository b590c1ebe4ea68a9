package org.jmpibench.harness.calibration;

import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Sizes;

/** One point of the calibration table: an operation of one backend at one size, buffer kind and np. */
public record CalibrationPoint(String backend, int np, Operation op, int size, BufferKind buffer) {

    /** {@code openmpi np=2 send 64Ki direct}, for progress lines and verdicts. */
    public String describe() {
        return backend + " np=" + np + " " + op.cliName() + " " + Sizes.format(size) + " " + buffer.cliName();
    }
}
