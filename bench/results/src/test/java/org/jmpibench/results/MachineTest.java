package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void cpuModelIsTheFirstProcessorsModelName() {
        assertThat(Machine.cpuModel(List.of(
                        "processor\t: 0",
                        "vendor_id\t: AuthenticAMD",
                        "model name\t: AMD EPYC 7B13",
                        "processor\t: 1",
                        "model name\t: AMD EPYC 7B13")))
                .isEqualTo("AMD EPYC 7B13");
        assertThat(Machine.cpuModel(List.of("processor\t: 0", "BogoMIPS\t: 48.00", "Model\t: Raspberry Pi 4")))
                .isEqualTo("Raspberry Pi 4");
        assertThat(Machine.cpuModel(List.of("processor\t: 0"))).isNull();
    }

    @Test
    void hostNameIsNeverEmpty() {
        assertThat(Machine.hostName()).isNotBlank();
    }
}
