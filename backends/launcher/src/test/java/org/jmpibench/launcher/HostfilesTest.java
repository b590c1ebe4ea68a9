package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Hosts.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostfilesTest {

    @TempDir
    Path dir;

    @Test
    void readsOpenMpisFormatWithCommentsBlankLinesAndRepeats() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts"), """
                # the cluster
                node01 slots=4   # first

                node02 slots=2 max_slots=8
                node03
                node01
                """);
        assertThat(Hostfiles.read(file).hosts())
                .containsExactly(new Host("node01", 5), new Host("node02", 2), new Host("node03", 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "node01 slots=x | line 1: slots=x: 'x' is not a positive whole number",
                "node01 slots=0 | line 1: slots=0: '0' is not a positive whole number",
                "node01 cpus=4 | line 1: 'cpus=4' is not understood; a line is 'HOST [slots=N]'",
                "node/01 | line 1: 'node/01' is not a host name",
                "# nothing but a comment | names no host",
            })
    void aBadFileIsOneLineNamingFileAndLine(String content, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("bad"), content + "\n");
        assertThatThrownBy(() -> Hostfiles.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hostfile " + file + " " + expected);
    }

    @Test
    void whatTextWritesReadReadsBack() throws Exception {
        Hosts hosts = Hosts.of(List.of(new Host("node01", 2), new Host("node02.cluster", 1)));

        Path file = Files.writeString(dir.resolve("written"), Hostfiles.text(hosts));

        assertThat(Hostfiles.read(file)).isEqualTo(hosts);
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> Hostfiles.resolve(dir.resolve("nope").toString(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("nope cannot be read: no such file");
    }

    @Test
    void expandsSlurmsHostLists() {
        assertThat(Hostfiles.expandNodelist("node[01-03,07]", "x"))
                .containsExactly("node01", "node02", "node03", "node07");
        assertThat(Hostfiles.expandNodelist("a,b[8-10],c[1-2]-x[1-2]", "x"))
                .containsExactly("a", "b8", "b9", "b10", "c1-x1", "c1-x2", "c2-x1", "c2-x2");
        assertThatThrownBy(() -> Hostfiles.expandNodelist("node[01-", "$SLURM_JOB_NODELIST"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$SLURM_JOB_NODELIST");
        assertThatThrownBy(() -> Hostfiles.expandNodelist("node[3-1]", "x")).hasMessageContaining("bad range");
    }

    @Test
    void slurmAllocationsTakeTheirSlotsFromTasksPerNode() {
        Hosts hosts = Hostfiles.resolve(
                Hostfiles.SLURM, Map.of("SLURM_JOB_NODELIST", "n[1-3]", "SLURM_TASKS_PER_NODE", "2(x2),1"));
        assertThat(hosts.hosts()).containsExactly(new Host("n1", 2), new Host("n2", 2), new Host("n3", 1));
        assertThat(Hostfiles.resolve(Hostfiles.SLURM, Map.of("SLURM_JOB_NODELIST", "n[1-2]"))
                        .totalSlots())
                .isEqualTo(2);
        assertThatThrownBy(() -> Hostfiles.resolve(
                        Hostfiles.SLURM, Map.of("SLURM_JOB_NODELIST", "n[1-2]", "SLURM_TASKS_PER_NODE", "3")))
                .hasMessageContaining("1 task counts for the 2 nodes");
        assertThatThrownBy(() -> Hostfiles.resolve(Hostfiles.SLURM, Map.of()))
                .hasMessage("--hostfile slurm: $SLURM_JOB_NODELIST is not set (not inside such an allocation?)");
    }

    @Test
    void pbsNodeFilesListAHostOncePerSlot() throws Exception {
        Path nodes = Files.write(dir.resolve("nodes"), List.of("n1", "n1", "n2"));
        assertThat(Hostfiles.resolve(Hostfiles.PBS, Map.of("PBS_NODEFILE", nodes.toString()))
                        .hosts())
                .containsExactly(new Host("n1", 2), new Host("n2", 1));
        assertThatThrownBy(() -> Hostfiles.resolve(Hostfiles.PBS, Map.of()))
                .hasMessageContaining("$PBS_NODEFILE is not set");
    }
}
