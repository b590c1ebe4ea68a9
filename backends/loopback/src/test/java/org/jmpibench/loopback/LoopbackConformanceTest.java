package org.jmpibench.loopback;

import org.jmpibench.conformance.ConformanceSuite;
import org.jmpibench.spi.Backend;

/** The SPI conformance suite (np 2, 3, 4, a 64 MiB message, failing ranks) run against the loopback backend. */
class LoopbackConformanceTest extends ConformanceSuite {

    @Override
    protected Backend backend() {
        return new LoopbackBackend();
    }
}
