/**
 * The command line ({@code java -jar bench/target/jmpi-bench.jar}, or {@code ./jmpi-bench}): lists backends, runs the
 * seed tutorial's demo on any backend, and hosts the bench, plot and compare commands.
 */
package org.jmpibench.cli;
