package org.jmpibench.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One element of a JMH JSON results file: which benchmark ran with which parameters, and what it measured.
 *
 * @param benchmark the full name JMH writes, e.g. {@code org.jmpibench.harness.PingPong.send}
 * @param mode JMH's short mode label: {@code avgt, thrpt, sample, ss}
 * @param params the {@code @Param} values by name, sorted by name; empty when the benchmark has none. The reader has
 *     checked the values of our {@link Param parameters}.
 * @param primary JMH's primary metric
 * @param secondary secondary metrics (ours, see {@link SecondaryMetric}, and profilers') by name, in file order
 * @param jmhSettings how JMH ran it, as JMH wrote it (jmhVersion, jdkVersion, vmName, vmVersion, jvm, jvmArgs, threads,
 *     forks, warmup and measurement iterations and times), in that order; arrays are joined with spaces
 */
public record BenchmarkResult(
        String benchmark,
        String mode,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        Map<String, String> jmhSettings) {

    /** Freezes the maps. */
    public BenchmarkResult {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
        jmhSettings = Collections.unmodifiableMap(new LinkedHashMap<>(jmhSettings));
    }

    /** What identifies this result across runs: benchmark, mode, non-neutral parameters. */
    public BenchmarkKey key() {
        return BenchmarkKey.of(benchmark, mode, params);
    }

    /** The operation this benchmark times, if it is one of ours. */
    public Optional<Operation> operation() {
        return Operation.ofBenchmark(benchmark);
    }

    /** The benchmark method's name: the part after the last dot. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The value of one of our parameters, if the result has it. */
    public Optional<String> param(Param param) {
        return Optional.ofNullable(params.get(param.jmhName()));
    }

    /** The value of {@code param}, or its neutral value when the result predates it; empty when neither. */
    public Optional<String> paramOrNeutral(Param param) {
        return param(param).or(param::neutralValue);
    }

    /** Ranks in the job ({@link Param#NP}). */
    public OptionalInt np() {
        return param(Param.NP)
                .map(np -> OptionalInt.of(Integer.parseInt(np.strip())))
                .orElse(OptionalInt.empty());
    }

    /** Elements per message ({@link Param#SIZE}). */
    public OptionalLong sizeElements() {
        return param(Param.SIZE)
                .map(size -> OptionalLong.of(Long.parseLong(size.strip())))
                .orElse(OptionalLong.empty());
    }

    /** Bytes per message: {@link #sizeElements()} times {@link Sizes#BYTES_PER_ELEMENT}. */
    public OptionalLong sizeBytes() {
        OptionalLong elements = sizeElements();
        return elements.isPresent() ? OptionalLong.of(Sizes.bytes(elements.getAsLong())) : OptionalLong.empty();
    }

    /**
     * The backend and idle strategy as tables name them: {@code shm}, {@code shm/spin} ({@link Param#variantLabel}).
     */
    public String variantLabel() {
        return Param.variantLabel(
                param(Param.BACKEND).orElse("(no backend)"), param(Param.IDLE).orElse(null));
    }

    /** One of our secondary metrics, if the result has it. */
    public Optional<Metric> secondary(SecondaryMetric metric) {
        return Optional.ofNullable(secondary.get(metric.jmhName()));
    }
}
