package org.jmpibench.openmpi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The pieces of an Open MPI installation a job needs, all found: {@code mpirun}, the directory holding
 * {@code libmpi_java.so} (the ranks' {@code java.library.path}) and the {@code mpi.jar} built for it.
 *
 * @param mpirun the {@code mpirun} executable
 * @param jniLibDir directory of {@code libmpi_java.so}
 * @param mpiJar Open MPI's Java classes matching that library
 * @param version Open MPI's version, e.g. {@code 4.1.4}
 */
public record OpenMpiInstallation(Path mpirun, Path jniLibDir, Path mpiJar, String version) {

    public OpenMpiInstallation {
        Objects.requireNonNull(mpirun, "mpirun");
        Objects.requireNonNull(jniLibDir, "jniLibDir");
        Objects.requireNonNull(mpiJar, "mpiJar");
        Objects.requireNonNull(version, "version");
    }
}
