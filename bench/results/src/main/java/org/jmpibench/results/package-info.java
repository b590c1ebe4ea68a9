/**
 * The one model of a benchmark run, shared by the harness (writer), the report and the regression gate (readers):
 * {@link org.jmpibench.results.ResultsFile} reads JMH's JSON, {@link org.jmpibench.results.RunContext} writes and reads
 * the context file, {@link org.jmpibench.results.RunFiles} names a run's files, and
 * {@link org.jmpibench.results.Operation}, {@link org.jmpibench.results.Param},
 * {@link org.jmpibench.results.SecondaryMetric} and {@link org.jmpibench.results.Sizes} hold the conventions.
 */
package org.jmpibench.results;
