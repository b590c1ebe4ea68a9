package org.jmpibench.regression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One element of a JMH JSON result file: the benchmark's identity, its primary metric and its secondary
 * metrics (profilers' and those the harness adds, e.g. {@code slowestRank}) by name.
 *
 * @param key the benchmark, mode and parameters
 * @param primary JMH's primary metric
 * @param secondary secondary metrics by name, in file order
 */
public record MeasuredBenchmark(BenchmarkKey key, Measurement primary, Map<String, Measurement> secondary) {

    /** Freezes the secondary metrics. */
    public MeasuredBenchmark {
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }
}
