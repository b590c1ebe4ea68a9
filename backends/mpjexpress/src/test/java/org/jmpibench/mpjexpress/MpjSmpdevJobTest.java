package org.jmpibench.mpjexpress;

import org.jmpibench.spi.Backend;

class MpjSmpdevJobTest extends MpjJobTests {
    @Override
    Backend backend() {
        return new MpjSmpdevBackend();
    }
}
