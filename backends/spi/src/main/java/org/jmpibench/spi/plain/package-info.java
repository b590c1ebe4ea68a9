/**
 * The contract between {@code jmpi-bench calibrate} and a backend's plain program: a main class that times one
 * operation by calling the backend's library directly (no {@link org.jmpibench.spi.Communicator}, no JMH), started by
 * the backend's launcher with the same JVM options and environment as the suite's jobs, so that the suite's figures can
 * be checked against the library's own.
 */
package org.jmpibench.spi.plain;
