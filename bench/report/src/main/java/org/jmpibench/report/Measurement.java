package org.jmpibench.report;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Layout;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;

/**
 * One result of one run as the charts and tables see it: the result as read ({@link BenchmarkResult}), with its times
 * converted to microseconds per operation.
 *
 * @param run the run's label (see {@link RunResults#label()})
 * @param result the result as read from the file
 * @param time the primary metric in us/op; for a pair operation (send) one message's one-way time
 * @param slowestRank the {@code slowestRank} secondary metric (collectives) in us/op, or {@code null}
 * @param otherTimes the other secondary metrics that are times per operation (e.g. the hand-timed cross-check) in
 *     us/op, by name; shown in the tables only. Profilers' metrics in other units (bytes, counts) are left out.
 */
public record Measurement(
        String run, BenchmarkResult result, Metric time, Metric slowestRank, SortedMap<String, Metric> otherTimes) {

    /** Parameters that are chart axes or the series' main name, not a series variant. */
    private static final Set<String> AXIS_PARAMS =
            Set.of(Param.BACKEND.jmhName(), Param.NP.jmhName(), Param.SIZE.jmhName());

    public Measurement {
        otherTimes = Collections.unmodifiableSortedMap(new TreeMap<>(otherTimes));
    }

    /** The operation's name: ours by {@link Operation#cliName()}, any other benchmark by its method's name. */
    public String operation() {
        return result.operation().map(Operation::cliName).orElse(result.method());
    }

    public String benchmark() {
        return result.benchmark();
    }

    public String mode() {
        return result.mode();
    }

    public Map<String, String> params() {
        return result.params();
    }

    public String backend() {
        return result.param(Param.BACKEND).orElse("(no backend)");
    }

    /** How many hosts the job's ranks spanned ({@link Layout}); 1 for results from before hosts existed. */
    public int hosts() {
        return Layout.hosts(result.paramOrNeutral(Param.LAYOUT).orElseThrow());
    }

    public OptionalInt ranks() {
        return result.np();
    }

    public OptionalLong sizeElements() {
        return result.sizeElements();
    }

    public OptionalLong sizeBytes() {
        return result.sizeBytes();
    }

    public Optional<Metric> slowest() {
        return Optional.ofNullable(slowestRank);
    }

    /** True when a time can be drawn on a logarithmic axis: finite and strictly positive. */
    static boolean plottable(Metric time) {
        return Double.isFinite(time.score()) && time.score() > 0;
    }

    /**
     * Bandwidth in MB/s (10^6 bytes per second) of a result whose score is one message's time (see
     * {@link Operation#hasBandwidth()}): bytes per microsecond, which is MB/s. Empty when the size is unknown or the
     * score is not positive.
     */
    public Optional<Double> bandwidthMBps() {
        OptionalLong bytes = sizeBytes();
        if (bytes.isEmpty() || !plottable(time)) {
            return Optional.empty();
        }
        return Optional.of(bytes.getAsLong() / time.score());
    }

    /**
     * Every parameter but backend, np and size, plus the JMH mode: what tells two series of one backend apart. A
     * parameter at its neutral value ({@link Param#isNeutral}, e.g. idle {@code default}, jdk {@code 17}) is left out,
     * so a run that predates the parameter and one that has it draw the same variant alike: an older run's line is told
     * apart from a newer one's only by what really differed.
     */
    public SortedMap<String, String> variant() {
        SortedMap<String, String> variant = new TreeMap<>();
        params().forEach((name, value) -> {
            boolean neutral = Param.byJmhName(name).map(p -> p.isNeutral(value)).orElse(false);
            if (!AXIS_PARAMS.contains(name) && !neutral) {
                variant.put(name, value);
            }
        });
        variant.put("mode", mode());
        return variant;
    }
}
