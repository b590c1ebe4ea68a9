package org.jmpibench.mpjexpress;

import org.jmpibench.conformance.ConformanceSuite;
import org.jmpibench.spi.Backend;

class MpjSmpdevConformanceTest extends ConformanceSuite {
    @Override
    protected Backend backend() {
        return new MpjSmpdevBackend();
    }
}
