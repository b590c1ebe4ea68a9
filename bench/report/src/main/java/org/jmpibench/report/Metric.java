package org.jmpibench.report;

/**
 * One JMH metric (the primary one, or a secondary one such as {@code slowestRank}) converted to microseconds per
 * operation.
 *
 * <p>{@code errorUs} is JMH's {@code scoreError} (half-width of its 99.9% confidence interval) and {@code lowerUs}
 * / {@code upperUs} the interval's ends; each is {@code NaN} when JMH could not compute it (a single measurement)
 * or when a conversion made it meaningless (the upper end of an inverted throughput whose lower end was zero).
 */
public record Metric(double scoreUs, double errorUs, double lowerUs, double upperUs) {

  /** True when the score can be drawn on a logarithmic axis: finite and strictly positive. */
  public boolean plottableOnLogAxis() {
    return Double.isFinite(scoreUs) && scoreUs > 0;
  }
}
