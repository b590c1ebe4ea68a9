package org.jmpibench.regression;

import java.util.Arrays;

/**
 * One metric of one benchmark result: JMH's summary (score, error) and the per-iteration scores of all
 * forks, pooled, in the metric's own unit.
 *
 * <p>For SampleTime, JMH writes a histogram per iteration instead of a score; the reader turns each into
 * that iteration's mean, which is what JMH itself reports as the iteration's score.
 */
public final class Measurement {

    /** The name used for JMH's primary metric. */
    public static final String PRIMARY = "primary";

    private final String metric;
    private final ScoreUnit unit;
    private final double score;
    private final double scoreError;
    private final int forks;
    private final double[] iterationScores;

    /**
     * @param metric {@link #PRIMARY} or the secondary metric's name as JMH wrote it
     * @param unit the unit of {@code score} and of every iteration score
     * @param score JMH's score (NaN when JMH wrote {@code "NaN"})
     * @param scoreError JMH's 99.9% error half-width (NaN when JMH had too few iterations)
     * @param forks how many forks contributed iterations
     * @param iterationScores measured iterations of all forks, pooled; copied
     */
    public Measurement(String metric, ScoreUnit unit, double score, double scoreError, int forks,
                       double[] iterationScores) {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank: '" + metric + "'");
        }
        if (forks < 0) {
            throw new IllegalArgumentException("forks must be >= 0: " + forks);
        }
        this.metric = metric;
        this.unit = unit;
        this.score = score;
        this.scoreError = scoreError;
        this.forks = forks;
        this.iterationScores = iterationScores.clone();
    }

    public String metric() {
        return metric;
    }

    public boolean isPrimary() {
        return PRIMARY.equals(metric);
    }

    public ScoreUnit unit() {
        return unit;
    }

    public double score() {
        return score;
    }

    public double scoreError() {
        return scoreError;
    }

    public int forks() {
        return forks;
    }

    public int iterations() {
        return iterationScores.length;
    }

    /** A copy of the per-iteration scores, in {@link #unit()}. */
    public double[] iterationScores() {
        return iterationScores.clone();
    }

    /** The per-iteration scores multiplied by {@code factor}, e.g. {@code unit().factorTo(other)}. */
    public double[] iterationScoresScaled(double factor) {
        double[] scaled = new double[iterationScores.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = iterationScores[i] * factor;
        }
        return scaled;
    }

    @Override
    public String toString() {
        return metric + " " + score + " " + unit + " " + Arrays.toString(iterationScores);
    }
}
