package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.spi.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher JVM must never load MPJ's classes: Open MPI's backend defines the same {@code mpi.MPI}, and the command
 * line lists every backend in one JVM. Checked with {@code -verbose:class} on a JVM that lists the backends, checks
 * their availability and runs a job with each.
 */
class LauncherJvmTest {

    @TempDir
    Path dir;

    @Test
    void bothBackendsAreRegisteredUnderTheirNames() {
        assertThat(Backends.byName("mpj-niodev")).isInstanceOf(MpjNiodevBackend.class);
        assertThat(Backends.byName("mpj-smpdev")).isInstanceOf(MpjSmpdevBackend.class);
    }

    @Test
    void availabilityNamesTheVersionAndTheDevice() {
        var availability = new MpjSmpdevBackend().availability();
        Assumptions.assumeTrue(availability.available(), availability::reason);
        assertThat(availability.version()).isEqualTo("MPJ Express 0.44 (smpdev)");
        assertThat(new MpjNiodevBackend().availability().version()).isEqualTo("MPJ Express 0.44 (niodev)");
    }

    @Test
    void withoutAnInstallationAvailabilitySaysWhatToRun() {
        String before = System.getProperty(MpjInstallation.HOME_PROPERTY);
        System.setProperty(MpjInstallation.HOME_PROPERTY, dir.toString());
        try {
            var availability = new MpjNiodevBackend().availability();
            assertThat(availability.available()).isFalse();
            assertThat(availability.reason()).contains(dir.toString()).contains("scripts/setup-mpj.sh");
        } finally {
            if (before == null) {
                System.clearProperty(MpjInstallation.HOME_PROPERTY);
            } else {
                System.setProperty(MpjInstallation.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void theLauncherJvmLoadsNoMpiClass() throws Exception {
        Assumptions.assumeTrue(MpjInstallation.find().isPresent(), "MPJ Express is not installed");
        Path log = dir.resolve("probe.log");
        Process probe = new ProcessBuilder(
                        RankCommand.currentJava().toString(),
                        "-verbose:class",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LauncherSideProbe.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            assertThat(probe.waitFor(120, TimeUnit.SECONDS))
                    .as("probe finished")
                    .isTrue();
        } finally {
            probe.descendants().forEach(ProcessHandle::destroyForcibly);
            probe.destroyForcibly();
            probe.onExit().get(10, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).contains("JOB mpj-niodev succeeded true", "JOB mpj-smpdev succeeded true");
        assertThat(lines)
                .filteredOn(line -> line.matches(".*\\] (mpi|mpjdev|mpjbuf|xdev|runtime)\\..*"))
                .as("MPI classes loaded by the launcher JVM")
                .isEmpty();
    }
}
