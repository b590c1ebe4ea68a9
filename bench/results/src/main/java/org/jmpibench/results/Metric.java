package org.jmpibench.results;

import java.util.Arrays;

/**
 * One metric of one benchmark result (JMH's primary metric, or a secondary one): JMH's summary (score, error,
 * confidence interval) and the measured iterations of every fork, all in {@link #unit()}.
 *
 * <p>JMH writes a value it could not compute as {@code "NaN"}, and infinities as {@code "+INF"} / {@code "-INF"}; they
 * are read as the IEEE values they stand for ({@link Double#NaN}, ±{@link Double#POSITIVE_INFINITY}), so a consumer
 * sees exactly what JMH said: the error of a single iteration is NaN, never 0. For SampleTime, JMH writes a histogram
 * per iteration instead of a score; the reader keeps each iteration's count-weighted mean, which is what JMH itself
 * reports as that iteration's score.
 */
public final class Metric {

    private final ScoreUnit unit;
    private final double score;
    private final double scoreError;
    private final double confidenceLow;
    private final double confidenceHigh;
    private final double[][] rawData;

    /** @param rawData each fork's measured iteration scores; copied. Empty when JMH wrote no raw data. */
    public Metric(
            ScoreUnit unit,
            double score,
            double scoreError,
            double confidenceLow,
            double confidenceHigh,
            double[][] rawData) {
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null");
        }
        this.unit = unit;
        this.score = score;
        this.scoreError = scoreError;
        this.confidenceLow = confidenceLow;
        this.confidenceHigh = confidenceHigh;
        this.rawData = deepCopy(rawData);
    }

    public ScoreUnit unit() {
        return unit;
    }

    /** JMH's score: the mean over all measured iterations (NaN when JMH wrote "NaN"). */
    public double score() {
        return score;
    }

    /** Half-width of JMH's 99.9% confidence interval; NaN when JMH could not compute it (one iteration). */
    public double scoreError() {
        return scoreError;
    }

    /** Lower end of JMH's 99.9% confidence interval; NaN when unknown. */
    public double confidenceLow() {
        return confidenceLow;
    }

    /** Upper end of JMH's 99.9% confidence interval; NaN when unknown. */
    public double confidenceHigh() {
        return confidenceHigh;
    }

    /** Forks that measured at least one iteration. */
    public int forks() {
        return (int) Arrays.stream(rawData).filter(fork -> fork.length > 0).count();
    }

    /** Measured iterations of all forks. */
    public int iterations() {
        return Arrays.stream(rawData).mapToInt(fork -> fork.length).sum();
    }

    /** The measured iterations of all forks, pooled in fork order; a copy. */
    public double[] iterationScores() {
        return Arrays.stream(rawData).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Each fork's measured iterations; a copy. */
    public double[][] rawData() {
        return deepCopy(rawData);
    }

    /**
     * This metric in another unit of the same kind ({@code ns/op} to {@code us/op}, {@code ops/s} to {@code ops/ms}).
     *
     * @throws IllegalArgumentException if the units are not {@linkplain ScoreUnit#convertibleTo convertible}
     */
    public Metric in(ScoreUnit target) {
        double factor = unit.factorTo(target);
        return new Metric(
                target,
                score * factor,
                scoreError * factor,
                confidenceLow * factor,
                confidenceHigh * factor,
                map(rawData, value -> value * factor));
    }

    /**
     * This metric as a time per operation in {@code target} (a time-per-op unit): time units are converted, throughput
     * is inverted (the interval's ends swap places; the error becomes half the inverted interval). A throughput that is
     * not a positive finite number has no time per operation and becomes NaN.
     *
     * @throws IllegalArgumentException if {@code target} is not a time per operation, or this metric is neither a time
     *     per operation nor a throughput
     */
    public Metric asTimePerOp(ScoreUnit target) {
        if (target.kind() != ScoreUnit.Kind.TIME_PER_OP) {
            throw new IllegalArgumentException(target + " is not a time per operation");
        }
        return switch (unit.kind()) {
            case TIME_PER_OP -> in(target);
            case OPS_PER_TIME -> {
                // v ops per T is 1/v T per op; T in target's time unit is nanosPerTimeUnit ratio.
                double factor = unit.nanosPerTimeUnit() / target.nanosPerTimeUnit();
                double low = inverse(confidenceHigh, factor);
                double high = inverse(confidenceLow, factor);
                double error = Double.isFinite(low) && Double.isFinite(high) ? (high - low) / 2 : Double.NaN;
                yield new Metric(
                        target,
                        inverse(score, factor),
                        error,
                        low,
                        high,
                        map(rawData, value -> inverse(value, factor)));
            }
            case OTHER ->
                throw new IllegalArgumentException(
                        "unsupported score unit '" + unit + "': neither a time per operation nor operations per time");
        };
    }

    private static double inverse(double value, double factor) {
        return value > 0 && Double.isFinite(value) ? factor / value : Double.NaN;
    }

    private static double[][] map(double[][] data, java.util.function.DoubleUnaryOperator f) {
        double[][] out = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            out[i] = Arrays.stream(data[i]).map(f).toArray();
        }
        return out;
    }

    private static double[][] deepCopy(double[][] data) {
        double[][] copy = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            copy[i] = data[i].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return score + " " + unit + " " + Arrays.deepToString(rawData);
    }
}
