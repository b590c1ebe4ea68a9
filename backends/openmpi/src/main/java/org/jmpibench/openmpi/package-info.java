/**
 * The {@code openmpi} backend: Open MPI's own Java bindings ({@code mpi.jar} over the JNI library
 * {@code libmpi_java.so}) behind the Communicator SPI, with jobs started by {@code mpirun}. Needs Open MPI 4.x/5.x
 * built with Java support and an {@code mpi.jar} matching it; {@code scripts/setup-openmpi.sh} installs both. Only
 * {@link org.jmpibench.openmpi.OpenMpiCommunicator} and the classes it is made of touch the {@code mpi} package, and
 * only inside rank JVMs: MPJ Express defines the same class names.
 */
package org.jmpibench.openmpi;
