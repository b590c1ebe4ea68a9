/**
 * The regression gate: reads two JMH JSON result files (a baseline and a current run), matches their
 * benchmarks, and decides per benchmark whether it improved, stayed the same or regressed, using JMH's
 * per-iteration raw data, a rank-sum test and a relative threshold; {@link org.jmpibench.regression.CompareCommand}
 * is the command line, {@link org.jmpibench.regression.Comparison#of} the library entry point.
 */
package org.jmpibench.regression;
