package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;

import org.jmpibench.spi.Backends;
import org.junit.jupiter.api.Test;

/** The backend is found by name and reports its effective configuration. */
class ShmBackendTest {

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        assertThat(Backends.byName("shm")).isInstanceOf(ShmBackend.class);
    }

    @Test
    void isAvailableHereAndItsVersionCarriesTheKnobs() {
        var availability = new ShmBackend().availability();
        assertThat(availability.available()).as(availability.reason()).isTrue();
        assertThat(availability.version()).contains(ShmConfig.RING_BYTES_ENV, ShmConfig.IDLE_ENV, "/dev/shm");
    }
}
