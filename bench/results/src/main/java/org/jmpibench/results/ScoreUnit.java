package org.jmpibench.results;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A JMH score unit such as {@code us/op} or {@code ops/s}: what it measures, which direction is better, and how to
 * convert a value into another unit of the same kind.
 *
 * <p>JMH writes {@code <time>/op} for AverageTime, SampleTime and SingleShotTime, and {@code ops/<time>} for
 * Throughput, with the time labels {@code ns, us, ms, s, min, hr, day}. Time per operation: lower is better. Operations
 * per time: higher is better. Any other label (a profiler's {@code B/op}, {@code MB/sec}, a counter) is
 * {@link Kind#OTHER}: it converts only to the identical label and has no known better direction, so no verdict can be
 * drawn from it.
 *
 * <p>Example: {@code ScoreUnit.parse("ns/op").factorTo(ScoreUnit.parse("us/op")) == 0.001}, and
 * {@code ScoreUnit.parse("ops/s").factorTo(ScoreUnit.parse("ops/ms")) == 0.001}.
 */
public final class ScoreUnit {

    /** What a unit measures. */
    public enum Kind {
        /** Time per operation: lower is better. */
        TIME_PER_OP,
        /** Operations per unit of time: higher is better. */
        OPS_PER_TIME,
        /** Anything else: no conversion to other labels, no known better direction. */
        OTHER
    }

    /** Nanoseconds in each time label JMH writes, plus the spellings people type. */
    private static final Map<String, Double> NANOS_PER_TIME_LABEL = Map.ofEntries(
            Map.entry("ns", 1.0),
            Map.entry("us", 1e3),
            Map.entry("\u00b5s", 1e3), // micro sign
            Map.entry("\u03bcs", 1e3), // Greek mu
            Map.entry("ms", 1e6),
            Map.entry("s", 1e9),
            Map.entry("sec", 1e9),
            Map.entry("min", 60e9),
            Map.entry("hr", 3600e9),
            Map.entry("day", 86400e9));

    /** Microseconds per operation: the unit our benchmarks write, and the one reports show. */
    public static final ScoreUnit MICROS_PER_OP = parse("us/op");

    private final String label;
    private final Kind kind;
    private final double nanosPerTimeUnit;

    private ScoreUnit(String label, Kind kind, double nanosPerTimeUnit) {
        this.label = label;
        this.kind = kind;
        this.nanosPerTimeUnit = nanosPerTimeUnit;
    }

    /**
     * Parses a JMH score unit label.
     *
     * @param label the {@code scoreUnit} of a JMH result, e.g. {@code "us/op"}
     * @return the unit; {@link Kind#OTHER} when the label is not a time or throughput unit
     * @throws IllegalArgumentException if {@code label} is null or blank
     */
    public static ScoreUnit parse(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("score unit must not be blank: '" + label + "'");
        }
        String trimmed = label.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int slash = lower.indexOf('/');
        if (slash > 0 && slash == lower.lastIndexOf('/')) {
            String numerator = lower.substring(0, slash).trim();
            String denominator = lower.substring(slash + 1).trim();
            if (denominator.equals("op") && NANOS_PER_TIME_LABEL.containsKey(numerator)) {
                return new ScoreUnit(trimmed, Kind.TIME_PER_OP, NANOS_PER_TIME_LABEL.get(numerator));
            }
            if (numerator.equals("ops") && NANOS_PER_TIME_LABEL.containsKey(denominator)) {
                return new ScoreUnit(trimmed, Kind.OPS_PER_TIME, NANOS_PER_TIME_LABEL.get(denominator));
            }
        }
        return new ScoreUnit(trimmed, Kind.OTHER, Double.NaN);
    }

    /** The label as JMH wrote it, e.g. {@code us/op}. */
    public String label() {
        return label;
    }

    /** What this unit measures. */
    public Kind kind() {
        return kind;
    }

    /** True for time per operation, false for throughput; only meaningful when {@link #hasDirection()}. */
    public boolean lowerIsBetter() {
        return kind == Kind.TIME_PER_OP;
    }

    /** True when it is known whether a larger value is better or worse. */
    public boolean hasDirection() {
        return kind != Kind.OTHER;
    }

    /** Nanoseconds in this unit's time unit; NaN for {@link Kind#OTHER}. */
    double nanosPerTimeUnit() {
        return nanosPerTimeUnit;
    }

    /** True when a value in this unit can be expressed in {@code target}. */
    public boolean convertibleTo(ScoreUnit target) {
        if (kind == Kind.OTHER || target.kind == Kind.OTHER) {
            return label.equals(target.label);
        }
        return kind == target.kind;
    }

    /**
     * The factor that turns a value in this unit into a value in {@code target}.
     *
     * @throws IllegalArgumentException if the units are not {@linkplain #convertibleTo convertible}
     */
    public double factorTo(ScoreUnit target) {
        if (!convertibleTo(target)) {
            throw new IllegalArgumentException("cannot convert " + label + " to " + target.label);
        }
        switch (kind) {
            case TIME_PER_OP:
                // 1 us/op = 1000 ns/op: the value grows as the target's time unit shrinks.
                return nanosPerTimeUnit / target.nanosPerTimeUnit;
            case OPS_PER_TIME:
                // 1 ops/us = 1000 ops/ms: the value grows as the target's time unit grows.
                return target.nanosPerTimeUnit / nanosPerTimeUnit;
            default:
                return 1.0;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreUnit && ((ScoreUnit) o).label.equals(label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label);
    }

    @Override
    public String toString() {
        return label;
    }
}
