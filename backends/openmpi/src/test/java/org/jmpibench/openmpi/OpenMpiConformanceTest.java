package org.jmpibench.openmpi;

import org.jmpibench.conformance.ConformanceSuite;
import org.jmpibench.spi.Backend;

/** The SPI conformance suite on Open MPI: real mpirun jobs at np 2, 3, 4 and the fault tests. */
class OpenMpiConformanceTest extends ConformanceSuite {

    @Override
    protected Backend backend() {
        return new OpenMpiBackend();
    }
}
