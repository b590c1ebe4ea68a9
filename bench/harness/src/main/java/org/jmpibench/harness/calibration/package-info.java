/**
 * {@code jmpi-bench calibrate}: whether the suite's figures match each library used directly. For each backend that
 * wraps a library, its plain program ({@link org.jmpibench.spi.plain}) and the suite's own benchmark of the same point
 * run interleaved, started alike ({@link org.jmpibench.harness.calibration.PlainJob}); the table of suite / plain
 * ratios ({@link org.jmpibench.harness.calibration.CalibrationTable}) is printed and saved beside the suite's results.
 * Uses {@code runner} (the suite's runs, the ranks' JVM options and job spec) and {@code jmpi-results}.
 */
package org.jmpibench.harness.calibration;
