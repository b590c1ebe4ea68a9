/**
 * The SPI conformance suite, written once: {@link org.jmpibench.conformance.ConformanceRank} is what every rank of a
 * conformance job runs, and {@link org.jmpibench.conformance.ConformanceSuite} is the JUnit class each backend's tests
 * extend to run it as real multi-process jobs at several rank counts.
 */
package org.jmpibench.conformance;
