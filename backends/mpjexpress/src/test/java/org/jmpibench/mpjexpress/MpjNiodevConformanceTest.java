package org.jmpibench.mpjexpress;

import org.jmpibench.conformance.ConformanceSuite;
import org.jmpibench.spi.Backend;

class MpjNiodevConformanceTest extends ConformanceSuite {
    @Override
    protected Backend backend() {
        return new MpjNiodevBackend();
    }
}
