package org.jmpibench.report;

/**
 * Makes JMH's confidence intervals drawable on a logarithmic axis.
 *
 * <p>XChart draws symmetric error bars ({@code score ± halfWidth}) and refuses a chart whose lowest bar end is
 * {@code <= 0} on a log axis. A noisy result (one outlier among few iterations) easily has {@code scoreError > score}.
 * Such a bar is cut so that its lower end stays at {@value #LOWEST_FRACTION_OF_SCORE} of the score: one decade below
 * the point, which still reads as "very uncertain". The cut also shortens the upper half, so the page marks these
 * results and its tables give the real interval.
 */
final class LogAxisErrorBars {
    /** Where a cut bar's lower end lands, as a fraction of the score. */
    static final double LOWEST_FRACTION_OF_SCORE = 0.1;

    private LogAxisErrorBars() {}

    /** The half-width to draw: {@code 0} when unknown (NaN), cut when it would reach zero (also when infinite). */
    static double drawable(double score, double halfWidth) {
        if (Double.isNaN(halfWidth) || halfWidth <= 0 || !(score > 0) || !Double.isFinite(score)) {
            return 0;
        }
        return Math.min(halfWidth, score * (1 - LOWEST_FRACTION_OF_SCORE));
    }

    /** True when {@link #drawable} cuts this bar. */
    static boolean isCut(double score, double halfWidth) {
        return score > 0 && !Double.isNaN(halfWidth) && halfWidth > score * (1 - LOWEST_FRACTION_OF_SCORE);
    }
}
