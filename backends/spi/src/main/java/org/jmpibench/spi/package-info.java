/**
 * The Communicator SPI: what one rank of a job can do ({@link org.jmpibench.spi.Communicator}), how a backend is found
 * by name ({@link org.jmpibench.spi.Backends}) and how it starts an N-rank job ({@link org.jmpibench.spi.JobLauncher}).
 * Interfaces and value types only: no backend code lives here.
 */
package org.jmpibench.spi;
