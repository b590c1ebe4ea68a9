package org.jmpibench.openmpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jmpibench.spi.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What availability says when pieces are missing; no Open MPI needed. */
class OpenMpiLocatorTest {

    @TempDir
    Path dir;

    /** A locator that finds nothing but what is in {@code dir}: no PATH, no cache, no Maven repository. */
    static OpenMpiLocator lookingOnlyIn(Path dir) {
        return new OpenMpiLocator(
                dir.resolve("cache"),
                dir.resolve("repo"),
                List.of(dir.resolve("bin")),
                Optional.empty(),
                Optional.of(dir.resolve("lib")),
                Optional.empty());
    }

    @Test
    void nothingInstalledIsOneLineNamingEveryMissingPieceAndTheScript() {
        Availability availability = new OpenMpiBackend(lookingOnlyIn(dir)).availability();

        assertThat(availability.available()).isFalse();
        assertThat(availability.reason())
                .doesNotContain("\n")
                .contains("mpirun (not on PATH)", "libmpi_java.so", "mpi.jar", "run scripts/setup-openmpi.sh");
    }

    @Test
    void onlyTheJarMissingNamesOnlyTheJarAndWhereItLooked() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mpirun = Files.writeString(bin.resolve("mpirun"), "#!/bin/sh\necho 'mpirun (Open MPI) 9.9.9'\n");
        mpirun.toFile().setExecutable(true);
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("libmpi_java.so"), "not really a library");

        Availability availability = new OpenMpiBackend(lookingOnlyIn(dir)).availability();

        assertThat(availability.available()).isFalse();
        assertThat(availability.reason())
                .doesNotContain("\n")
                .doesNotContain("mpirun (")
                .doesNotContain("libmpi_java.so (")
                .contains("mpi.jar (looked at " + lib.resolve("mpi.jar"))
                .contains(dir.resolve("repo").resolve(OpenMpiLocator.REPO_JAR).toString())
                .endsWith("run scripts/setup-openmpi.sh");
    }

    @Test
    void everythingPresentIsAvailableWithTheVersionMpirunReports() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mpirun = Files.writeString(bin.resolve("mpirun"), "#!/bin/sh\necho 'mpirun (Open MPI) 9.9.9'\n");
        mpirun.toFile().setExecutable(true);
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("libmpi_java.so"), "x");
        Files.writeString(lib.resolve("mpi.jar"), "x");

        OpenMpiLocator.Lookup lookup = lookingOnlyIn(dir).lookup();

        assertThat(lookup.missing()).isEmpty();
        assertThat(lookup.installation())
                .contains(new OpenMpiInstallation(mpirun, lib, lib.resolve("mpi.jar"), "9.9.9"));
    }

    @Test
    void aJarRecordedForAnotherVersionIsRefused() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mpirun = Files.writeString(bin.resolve("mpirun"), "#!/bin/sh\necho 'mpirun (Open MPI) 9.9.9'\n");
        mpirun.toFile().setExecutable(true);
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("libmpi_java.so"), "x");
        Path jar =
                Files.writeString(Files.createDirectories(dir.resolve("cache")).resolve("mpi.jar"), "x");
        Files.writeString(
                dir.resolve("cache").resolve(OpenMpiLocator.PROPERTIES_FILE),
                "mpi.jar=" + jar + "\nopenmpi.version=4.1.4\n");

        OpenMpiLocator.Lookup lookup = lookingOnlyIn(dir).lookup();

        assertThat(lookup.installation()).isEmpty();
        assertThat(lookup.missing()).contains("built for Open MPI 4.1.4 but mpirun is 9.9.9");
    }
}
