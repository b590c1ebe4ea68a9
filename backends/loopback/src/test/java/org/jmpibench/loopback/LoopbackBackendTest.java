package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import org.jmpibench.spi.Backends;
import org.junit.jupiter.api.Test;

class LoopbackBackendTest {

    @Test
    void isFoundByNameAndAlwaysAvailable() {
        var backend = Backends.byName("loopback");
        assertThat(backend).isInstanceOf(LoopbackBackend.class);
        assertThat(backend.availability().available()).isTrue();
        assertThat(backend.availability().version()).contains("TCP 127.0.0.1");
    }

    @Test
    void tcpIsFoundByNameAndAlwaysAvailable() {
        var backend = Backends.byName("tcp");
        assertThat(backend).isInstanceOf(TcpBackend.class);
        assertThat(backend.availability().available()).isTrue();
    }
}
