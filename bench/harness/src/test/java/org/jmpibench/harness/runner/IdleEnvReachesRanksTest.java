package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The job ForkLauncher starts for an idle strategy carries it to the backend's own launcher, which gives every rank
 * (leader and followers) the backend's knobs for it: checked by ranks that print what they see.
 */
class IdleEnvReachesRanksTest {

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @ParameterizedTest
    @CsvSource({
        "shm,      spin,  JMPI_SHM_IDLE=spin JMPI_LOOPBACK_IDLE=null JMPI_LOOPBACK_YIELD_COUNT=null",
        "shm,      block, JMPI_SHM_IDLE=park JMPI_LOOPBACK_IDLE=null JMPI_LOOPBACK_YIELD_COUNT=null",
        "loopback, block, JMPI_SHM_IDLE=null JMPI_LOOPBACK_IDLE=spin-block JMPI_LOOPBACK_YIELD_COUNT=0",
        "tcp,      spin,  JMPI_SHM_IDLE=null JMPI_LOOPBACK_IDLE=spin JMPI_LOOPBACK_YIELD_COUNT=null"
    })
    void everyRankSeesTheStrategy(String backend, String idle, String expected) {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .toList();
        RankProgram echo = RankProgram.of(classpath, IdleEnvEcho.class.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        JobSpec spec = ForkLauncher.jobSpec(
                        Idle.byName(idle), 3, echo, echo, 60, HostOptions.of(null, null, null, null), null)
                .withOutput(line -> lines.add(line.rank() + ": " + line.text()));

        JobOutcome outcome = Backends.byName(backend).launcher().run(spec);

        assertThat(outcome.succeeded()).as(outcome.failure() + " " + lines).isTrue();
        for (int rank = 0; rank < 3; rank++) {
            assertThat(lines).as("rank " + rank).contains(rank + ": idle-env rank=" + rank + " " + expected);
        }
    }
}
