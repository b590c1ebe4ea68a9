package org.jmpibench.shm;

import org.jmpibench.conformance.ConformanceSuite;
import org.jmpibench.spi.Backend;

/** The SPI conformance suite on the shm backend: np 2 to 5 (with the 64 MiB message) and the fault tests. */
class ShmConformanceTest extends ConformanceSuite {
    @Override
    protected Backend backend() {
        return new ShmBackend();
    }
}
